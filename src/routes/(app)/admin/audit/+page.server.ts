import { requireRole } from '$lib/server/auth/access';
import { listAuditEntityTypes } from '$lib/server/audit/audit.repository';
import { listAuditPage } from '$lib/server/audit/audit.service';
import { database } from '$lib/server/db';
import { pageRequest } from '$lib/server/pagination';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals.user, 'admin');
	const db = database().db;
	const entityTypes = await listAuditEntityTypes(db);
	const asked = url.searchParams.get('entity');
	const entityType = entityTypes.find((t) => t === asked);
	const entries = await listAuditPage(db, { entityType }, pageRequest(url, 50, ['instant', 'id']));
	return { entries, entityTypes, entityType: entityType ?? '' };
};
