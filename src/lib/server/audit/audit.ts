/**
 * The audit trail: every write records who did it, what changed and how it looked before and after,
 * inside the same transaction as the write itself, so that the two cannot part.
 */
import type { Kysely, Transaction } from 'kysely';
import type { UserRole } from '../../vocabulary';
import type { Database } from '../db/schema';
import { insertAuditEntry } from './audit.repository';

/**
 * Whoever acts: a signed-in user with their role, or a named non-user (the demo loader, an operator at
 * the command line), whose role is `system`: the machine's own, allowed what an administrator is.
 */
export interface Actor {
	userId: number | null;
	label: string;
	role: UserRole | 'system';
	clientAddress?: string | null;
}

export const systemActor = (label: string): Actor => ({ userId: null, label, role: 'system' });

export interface AuditedChange {
	action: string;
	entityType: string;
	entityId?: number | null;
	eventId?: number | null;
	before?: unknown;
	after?: unknown;
}

export async function recordAction(
	tx: Transaction<Database> | Kysely<Database>,
	actor: Actor,
	change: AuditedChange
): Promise<void> {
	await insertAuditEntry(tx, {
		at: new Date().toISOString(),
		actor_user_id: actor.userId,
		actor_label: actor.label,
		action: change.action,
		entity_type: change.entityType,
		entity_id: change.entityId ?? null,
		event_id: change.eventId ?? null,
		before_json: change.before === undefined ? null : JSON.stringify(change.before),
		after_json: change.after === undefined ? null : JSON.stringify(change.after),
		client_address: actor.clientAddress ?? null
	});
}
