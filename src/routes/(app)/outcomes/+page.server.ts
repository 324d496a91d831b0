import { database } from '$lib/server/db';
import { parseOutcomeListQuery } from '$lib/server/outcomes/outcome.input';
import { listOutcomesPage } from '$lib/server/outcomes/outcome.service';
import { pageRequest } from '$lib/server/pagination';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const query = parseOutcomeListQuery(url.searchParams);
	const outcomes = await listOutcomesPage(database().db, { ...query, page: pageRequest(url, 25, ['id']) });
	return { query, outcomes };
};
