import { database } from '$lib/server/db';
import { parseCorrespondenceListQuery } from '$lib/server/correspondence/correspondence.input';
import { listCorrespondencePage } from '$lib/server/correspondence/correspondence.service';
import { pageRequest } from '$lib/server/pagination';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const query = parseCorrespondenceListQuery(url.searchParams);
	const correspondence = await listCorrespondencePage(database().db, {
		...query,
		page: pageRequest(url, 25, ['date', 'id'])
	});
	return { query, correspondence };
};
