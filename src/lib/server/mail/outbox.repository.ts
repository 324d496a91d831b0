/**
 * The outbox: messages written in the same transaction as the change that causes them, and the
 * delivery state the worker (outbox.worker.ts) keeps on each. Kysely only.
 */
import { PostgresAdapter, type Insertable, type Kysely } from 'kysely';
import { pageByKeyset } from '../db/keyset';
import type { Database, Instant, OutboxMessageTable } from '../db/schema';
import type { PageRequest } from '../pagination';

export async function insertOutboxMessages(db: Kysely<Database>, rows: Insertable<OutboxMessageTable>[]) {
	if (rows.length > 0) await db.insertInto('outbox_message').values(rows).execute();
}

const outboxListColumns = [
	'outbox_message.id',
	'outbox_message.event_id',
	'outbox_message.person_id',
	'outbox_message.to_address',
	'outbox_message.to_name',
	'outbox_message.kind',
	'outbox_message.method',
	'outbox_message.sequence',
	'outbox_message.subject',
	'outbox_message.status',
	'outbox_message.attempts',
	'outbox_message.next_attempt_at',
	'outbox_message.last_error',
	'outbox_message.created_at',
	'outbox_message.sent_at',
	'event.title as event_title'
] as const;

/** Newest first, in keyset order of id (src/lib/server/pagination.ts). Fetches limit + 1. */
export async function listOutboxMessages(
	db: Kysely<Database>,
	filter: { eventId?: number },
	page: PageRequest
) {
	let query = db
		.selectFrom('outbox_message')
		.leftJoin('event', 'event.id', 'outbox_message.event_id')
		.select(outboxListColumns);
	if (filter.eventId) query = query.where('outbox_message.event_id', '=', filter.eventId);
	return pageByKeyset(query, page, { key: ['outbox_message.id'], order: 'desc' }).execute();
}

export type OutboxListRow = Awaited<ReturnType<typeof listOutboxMessages>>[number];

export async function countOutboxByStatus(db: Kysely<Database>, eventId?: number) {
	let query = db
		.selectFrom('outbox_message')
		.select((eb) => ['status', eb.fn.countAll<number>().as('n')])
		.groupBy('status');
	if (eventId) query = query.where('event_id', '=', eventId);
	return query.execute();
}

/**
 * Takes up to `limit` messages that are due — queued and their time has come, or left "sending" by a
 * worker whose lease ran out — and marks them sending until `leaseUntil`. The conditions stand in the
 * UPDATE itself, so on PostgreSQL a worker that waited for another's row lock re-checks them and skips
 * what the other took; SQLite writes one transaction at a time. No message is ever taken twice at once.
 */
export async function claimDueMessages(
	db: Kysely<Database>,
	now: Instant,
	leaseUntil: Instant,
	limit: number
) {
	const pg = db.getExecutor().adapter instanceof PostgresAdapter;
	let due = db
		.selectFrom('outbox_message')
		.select('id')
		.where((eb) =>
			eb.or([
				eb.and([eb('status', '=', 'queued'), eb('next_attempt_at', '<=', now)]),
				eb.and([eb('status', '=', 'sending'), eb('claimed_until', '<', now)])
			])
		)
		.orderBy('next_attempt_at')
		.limit(limit);
	if (pg) due = due.forUpdate().skipLocked();
	return db
		.updateTable('outbox_message')
		.set((eb) => ({ status: 'sending', claimed_until: leaseUntil, attempts: eb('attempts', '+', 1) }))
		.where('id', 'in', due)
		.where((eb) =>
			eb.or([
				eb.and([eb('status', '=', 'queued'), eb('next_attempt_at', '<=', now)]),
				eb.and([eb('status', '=', 'sending'), eb('claimed_until', '<', now)])
			])
		)
		.returningAll()
		.execute();
}

export async function markMessageSent(
	db: Kysely<Database>,
	id: number,
	messageId: string | null,
	at: Instant
) {
	await db
		.updateTable('outbox_message')
		.set({ status: 'sent', sent_at: at, message_id: messageId, claimed_until: null, last_error: null })
		.where('id', '=', id)
		.execute();
}

/** A failed attempt: queued again for `nextAttemptAt`, or failed for good when that is null. */
export async function markMessageAttemptFailed(
	db: Kysely<Database>,
	id: number,
	error: string,
	nextAttemptAt: Instant | null
) {
	await db
		.updateTable('outbox_message')
		.set({
			status: nextAttemptAt ? 'queued' : 'failed',
			next_attempt_at: nextAttemptAt ?? undefined,
			claimed_until: null,
			last_error: error
		})
		.where('id', '=', id)
		.execute();
}

export async function findOutboxMessage(db: Kysely<Database>, id: number) {
	const row = await db.selectFrom('outbox_message').selectAll().where('id', '=', id).executeTakeFirst();
	return row ?? null;
}

/** A failed message goes back in the queue, due now, with its attempts counted afresh. */
export async function requeueFailedMessage(db: Kysely<Database>, id: number, now: Instant) {
	const result = await db
		.updateTable('outbox_message')
		.set({ status: 'queued', next_attempt_at: now, attempts: 0 })
		.where('id', '=', id)
		.where('status', '=', 'failed')
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}
