/** Who changed what: an event's history for officers, the whole trail for administrators. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { findEvent } from '../events/event.repository';
import { toPage, type Page, type PageRequest } from '../pagination';
import { listAuditEntityTypes, listAuditEntries, type AuditFilter } from './audit.repository';
import { toAuditEntryView, type AuditEntryView } from './audit.view';

export async function listAuditPage(
	db: Kysely<Database>,
	filter: AuditFilter,
	request: PageRequest
): Promise<Page<AuditEntryView>> {
	const page = toPage(await listAuditEntries(db, filter, request), request, (row) => [row.at, row.id]);
	return { ...page, items: page.items.map(toAuditEntryView) };
}

/** The whole trail, or the entries about one kind of record when `entity` names one that was audited. */
export async function listAuditTrail(
	db: Kysely<Database>,
	entity: string | null,
	request: PageRequest
): Promise<{ entries: Page<AuditEntryView>; entityTypes: string[]; entityType: string }> {
	const entityTypes = await listAuditEntityTypes(db);
	const entityType = entityTypes.find((t) => t === entity);
	const entries = await listAuditPage(db, { entityType }, request);
	return { entries, entityTypes, entityType: entityType ?? '' };
}

/** An event's history, or null when there is no such event. */
export async function findEventHistory(
	db: Kysely<Database>,
	eventId: number,
	request: PageRequest
): Promise<{ event: { id: number; title: string; timeZone: string }; history: Page<AuditEntryView> } | null> {
	const event = await findEvent(db, eventId);
	if (!event) return null;
	const history = await listAuditPage(db, { eventId }, request);
	return { event: { id: event.id, title: event.title, timeZone: event.time_zone }, history };
}
