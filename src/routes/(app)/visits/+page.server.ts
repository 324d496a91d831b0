import { database } from '$lib/server/db';
import { pageRequest } from '$lib/server/pagination';
import { getVisitList } from '$lib/server/visits/visit.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	return getVisitList(database().db, pageRequest(url, 25, ['date', 'id']));
};
