/** The audit trail: writing an entry, and reading them newest first in keyset order of (at, id). */
import type { Kysely } from 'kysely';
import { pageByKeyset } from '../db/keyset';
import type { Database, NewAuditEntry } from '../db/schema';
import type { PageRequest } from '../pagination';

export interface AuditFilter {
	eventId?: number;
	entityType?: string;
	actorUserId?: number;
}

export async function insertAuditEntry(db: Kysely<Database>, entry: NewAuditEntry) {
	await db.insertInto('audit_entry').values(entry).execute();
}

export async function listAuditEntries(db: Kysely<Database>, filter: AuditFilter, page: PageRequest) {
	let query = db
		.selectFrom('audit_entry')
		.select([
			'id',
			'at',
			'actor_user_id',
			'actor_label',
			'action',
			'entity_type',
			'entity_id',
			'event_id',
			'before_json',
			'after_json',
			'client_address'
		]);
	if (filter.eventId) query = query.where('event_id', '=', filter.eventId);
	if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
	if (filter.actorUserId) query = query.where('actor_user_id', '=', filter.actorUserId);
	return pageByKeyset(query, page, { key: ['at', 'id'], order: 'desc' }).execute();
}

export async function listAuditEntityTypes(db: Kysely<Database>) {
	const rows = await db
		.selectFrom('audit_entry')
		.select('entity_type')
		.distinct()
		.orderBy('entity_type')
		.execute();
	return rows.map((r) => r.entity_type);
}
