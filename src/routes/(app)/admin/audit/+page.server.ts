import { listAuditTrail } from '$lib/server/audit/audit.service';
import { datedEntries } from '$lib/server/audit/audit.view';
import { database } from '$lib/server/db';
import { pageRequest } from '$lib/server/pagination';
import { listWords } from '$lib/server/i18n/list.words';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const trail = await listAuditTrail(
		database().db,
		url.searchParams.get('entity'),
		pageRequest(url, 50, ['instant', 'id'])
	);
	return { ...trail, entries: datedEntries(trail.entries, 'UTC'), words: listWords() };
};
