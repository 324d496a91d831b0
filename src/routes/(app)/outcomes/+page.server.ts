import { resolveChosen } from '$lib/server/choosers/chooser.service';
import { database } from '$lib/server/db';
import { parseOutcomeListQuery } from '$lib/server/outcomes/outcome.input';
import { listOutcomesPage } from '$lib/server/outcomes/outcome.service';
import { pageRequest } from '$lib/server/pagination';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const { db } = database();
	const params = new URLSearchParams(url.searchParams);
	// The owner chosen by name (?person=, as the person page links here), shown and kept in the filter.
	const chosen = await resolveChosen(db, params, { person: { kind: 'person' } });
	const query = parseOutcomeListQuery(params);
	const outcomes = await listOutcomesPage(db, { ...query, page: pageRequest(url, 25, ['id']) });
	return { query, outcomes, chosen };
};
