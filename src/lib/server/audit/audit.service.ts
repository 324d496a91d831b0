/** Who changed what: an event's history for officers, the whole trail for administrators. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { toPage, type Page, type PageRequest } from '../pagination';
import { listAuditEntries, type AuditFilter } from './audit.repository';
import { toAuditEntryView, type AuditEntryView } from './audit.view';

export async function listAuditPage(
	db: Kysely<Database>,
	filter: AuditFilter,
	request: PageRequest
): Promise<Page<AuditEntryView>> {
	const page = toPage(await listAuditEntries(db, filter, request), request, (row) => [row.at, row.id]);
	return { ...page, items: page.items.map(toAuditEntryView) };
}
