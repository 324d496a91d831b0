/** The audit trail: writing an entry, and reading them newest first in keyset order of (at, id). */
import { sql, type Kysely } from 'kysely';
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

/**
 * The kinds of record the trail holds entries about, alphabetically. Each is found by one seek along
 * audit_entry_entity_idx past the one before (a loose index scan), not by reading every entry.
 */
export async function listAuditEntityTypes(db: Kysely<Database>) {
	const { rows } = await sql<{ entity_type: string }>`
		with recursive kinds (entity_type) as (
			select min(entity_type) from audit_entry
			union all
			select (select min(a.entity_type) from audit_entry a where a.entity_type > kinds.entity_type)
			from kinds where kinds.entity_type is not null
		)
		select entity_type from kinds where entity_type is not null`.execute(db);
	return rows.map((r) => r.entity_type);
}
