import { listAuditTrail } from '$lib/server/audit/audit.service';
import { database } from '$lib/server/db';
import { pageRequest } from '$lib/server/pagination';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	return listAuditTrail(
		database().db,
		url.searchParams.get('entity'),
		pageRequest(url, 50, ['instant', 'id'])
	);
};
