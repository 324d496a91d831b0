/**
 * The outbox: messages written in the same transaction as the change that causes them, and the
 * delivery state the worker (outbox.worker.ts) keeps on each. Kysely only.
 */
import {
	PostgresAdapter,
	type ExpressionBuilder,
	type Insertable,
	type Kysely,
	type Updateable
} from 'kysely';
import { pageByKeyset } from '../db/keyset';
import type { Database, Instant, OutboxMessageTable } from '../db/schema';
import type { PageRequest } from '../pagination';

export async function insertOutboxMessages(db: Kysely<Database>, rows: Insertable<OutboxMessageTable>[]) {
	if (rows.length > 0) await db.insertInto('outbox_message').values(rows).execute();
}

export async function insertOutboxMessage(db: Kysely<Database>, row: Insertable<OutboxMessageTable>) {
	const { id } = await db.insertInto('outbox_message').values(row).returning('id').executeTakeFirstOrThrow();
	return id;
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

/** A worker's hold on the messages it takes: whose, until when, and the token that proves it. */
export interface Claim {
	token: string;
	by: string;
	until: Instant;
}

const dueAt = (now: Instant) => (eb: ExpressionBuilder<Database, 'outbox_message'>) =>
	eb.or([
		eb.and([eb('status', '=', 'queued'), eb('next_attempt_at', '<=', now)]),
		eb.and([eb('status', '=', 'sending'), eb('claimed_until', '<', now)])
	]);

/**
 * Takes up to `limit` messages that are due — queued and their time has come, or left "sending" by a
 * worker whose lease ran out — and marks them sending under `claim`. The conditions stand in the
 * UPDATE itself, so on PostgreSQL a worker that waited for another's row lock re-checks them and skips
 * what the other took; SQLite writes one transaction at a time. No message is ever taken twice at once.
 */
export async function claimDueMessages(db: Kysely<Database>, now: Instant, claim: Claim, limit: number) {
	const pg = db.getExecutor().adapter instanceof PostgresAdapter;
	let due = db
		.selectFrom('outbox_message')
		.select('id')
		.where(dueAt(now))
		.orderBy('next_attempt_at')
		.limit(limit);
	if (pg) due = due.forUpdate().skipLocked();
	return db
		.updateTable('outbox_message')
		.set((eb) => ({
			status: 'sending',
			claimed_until: claim.until,
			claim_token: claim.token,
			claimed_by: claim.by,
			attempts: eb('attempts', '+', 1)
		}))
		.where('id', 'in', due)
		.where(dueAt(now))
		.returningAll()
		.execute();
}

/** When the message that has waited longest since it fell due fell due; null when nothing is due. */
export async function findOldestDueAt(db: Kysely<Database>, now: Instant): Promise<Instant | null> {
	const row = await db
		.selectFrom('outbox_message')
		.select((eb) => eb.fn.min('next_attempt_at').as('due'))
		.where(dueAt(now))
		.executeTakeFirst();
	return row?.due ?? null;
}

const unclaimed = { claimed_until: null, claim_token: null, claimed_by: null } as const;

/** Back in the queue, due at `now`, with a word on why. */
const backInQueue = (now: Instant, note: string) =>
	({ status: 'queued', next_attempt_at: now, last_error: note, ...unclaimed }) as const;

/** Changes the message only while `token` still holds it; false when the claim was lost. */
async function updateClaimed(
	db: Kysely<Database>,
	id: number,
	token: string,
	values: Updateable<OutboxMessageTable>
) {
	const result = await db
		.updateTable('outbox_message')
		.set(values)
		.where('id', '=', id)
		.where('status', '=', 'sending')
		.where('claim_token', '=', token)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/** False when the claim was lost (its lease ran out and another worker took the message). */
export function markMessageSent(db: Kysely<Database>, id: number, token: string, at: Instant) {
	return updateClaimed(db, id, token, { status: 'sent', sent_at: at, last_error: null, ...unclaimed });
}

/**
 * A failed attempt: queued again for `nextAttemptAt`, or failed for good when that is null. False when
 * the claim was lost.
 */
export function markMessageAttemptFailed(
	db: Kysely<Database>,
	id: number,
	token: string,
	error: string,
	nextAttemptAt: Instant | null
) {
	return updateClaimed(
		db,
		id,
		token,
		nextAttemptAt ? backInQueue(nextAttemptAt, error) : { status: 'failed', last_error: error, ...unclaimed }
	);
}

/** Gives an unfinished message back to the queue, due at `now`. False when the claim was lost. */
export function releaseClaim(db: Kysely<Database>, id: number, token: string, now: Instant, note: string) {
	return updateClaimed(db, id, token, backInQueue(now, note));
}

/** Who holds messages now, as claimed_by names them. */
export async function listClaimHolders(db: Kysely<Database>) {
	const rows = await db
		.selectFrom('outbox_message')
		.select('claimed_by')
		.distinct()
		.where('status', '=', 'sending')
		.where('claimed_by', 'is not', null)
		.execute();
	return rows.map((r) => r.claimed_by!);
}

/** Gives back to the queue, due at `now`, every message a process that is gone was sending. */
export async function releaseClaimsOf(db: Kysely<Database>, holder: string, now: Instant, note: string) {
	const result = await db
		.updateTable('outbox_message')
		.set(backInQueue(now, note))
		.where('status', '=', 'sending')
		.where('claimed_by', '=', holder)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
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

/**
 * What waits at `now`: messages queued or being sent, and the instant the longest-due one fell due (null
 * when nothing is due) — a queued message at its next attempt, an abandoned claim when its lease ran out.
 */
export async function getOutboxBacklog(db: Kysely<Database>, now: Instant) {
	const row = await db
		.selectFrom('outbox_message')
		.select((eb) => [
			eb.fn.countAll<number | string>().as('waiting'),
			eb.fn
				.min<Instant | null>(
					eb
						.case()
						.when(eb.and([eb('status', '=', 'queued'), eb('next_attempt_at', '<=', now)]))
						.then(eb.ref('next_attempt_at'))
						.when(eb.and([eb('status', '=', 'sending'), eb('claimed_until', '<', now)]))
						.then(eb.ref('claimed_until'))
						.end()
				)
				.as('oldest_due_at')
		])
		.where('status', 'in', ['queued', 'sending'])
		.executeTakeFirstOrThrow();
	return { waiting: Number(row.waiting), oldestDueAt: row.oldest_due_at };
}
