/**
 * The home page's queries: what needs an officer's attention now. Each is one query, bounded by its
 * limit and served by an index, whatever the size of the office's history. Kysely only, each built once and
 * run with new values (db/prepared.ts).
 */
import type { ExpressionBuilder, Kysely } from 'kysely';
import { sql } from 'kysely';
import type { OutcomeStatus } from '../../vocabulary';
import { hasReply } from '../correspondence/correspondence.repository';
import type { Database, Instant, IsoDate } from '../db/schema';
import { eventRefColumns } from '../events/event.ref';
import { eventSummaryColumns } from '../events/event.repository';
import { prepared, type Placeholders } from '../db/prepared';

/** The statuses of an outcome still to be followed up. */
export const OPEN_OUTCOME_STATUSES = ['open', 'in_progress'] as const satisfies OutcomeStatus[];

/**
 * The open outcomes an officer is responsible for, soonest due first and those without a date last, at
 * most limit + 1. One range of outcome_responsible_idx per status and per dated or undated, each read in
 * the index's order and cut at limit + 1, so that only those few rows are sorted together.
 */
export async function listOpenOutcomesOfOfficer(db: Kysely<Database>, userId: number, limit: number) {
	return openOutcomesOfOfficer(db, { userId, rows: limit + 1 });
}

const openOutcomesOfOfficer = prepared((db, p: Placeholders<{ userId: number; rows: number }>) => {
	const branches = OPEN_OUTCOME_STATUSES.flatMap((status) =>
		(['is not', 'is'] as const).map((dated) =>
			db
				.selectFrom(
					db
						.selectFrom('outcome')
						.select(['id', 'kind', 'title', 'status', 'due_on', 'event_id'])
						.where('responsible_user_id', '=', p.userId)
						.where('status', '=', status)
						.where('due_on', dated, null)
						.orderBy('due_on')
						.orderBy('id')
						.limit(p.rows)
						.as('branch')
				)
				.selectAll()
		)
	);
	const [first, ...rest] = branches;
	const mine = rest.reduce((union, branch) => union.unionAll(branch), first!);
	return (
		db
			.selectFrom(mine.as('mine'))
			.leftJoin('event', 'event.id', 'mine.event_id')
			.select(['mine.id', 'mine.kind', 'mine.title', 'mine.status', 'mine.due_on', ...eventRefColumns])
			// Portable "nulls last": SQLite sorts nulls first in an ascending order, PostgreSQL last.
			.orderBy(sql`case when mine.due_on is null then 1 else 0 end`)
			.orderBy('mine.due_on')
			.orderBy('mine.id')
			.limit(p.rows)
	);
});

/**
 * Events starting in [from, until), not cancelled, with participants who have not answered their
 * invitation (RSVP still "invited"): how many, of how many, soonest first, at most limit + 1. The events
 * are walked in event_start_idx's order and each is asked through its participants' (event, person) key
 * whether anyone has not answered, stopping at limit + 1: the participants of only those few are counted,
 * not of every event of the fortnight.
 */
export async function listEventsAwaitingAnswers(
	db: Kysely<Database>,
	span: { from: Instant; until: Instant },
	limit: number
) {
	return eventsAwaitingAnswers(db, { ...span, rows: limit + 1 });
}

const eventsAwaitingAnswers = prepared(
	(db, p: Placeholders<{ from: Instant; until: Instant; rows: number }>) => {
		const participants = (eb: ExpressionBuilder<Database, 'event'>, unanswered: boolean) => {
			const all = eb.selectFrom('event_participant as ep').whereRef('ep.event_id', '=', 'event.id');
			return unanswered ? all.where('ep.rsvp_status', '=', 'invited') : all;
		};
		return db
			.selectFrom('event')
			.select((eb) => [
				...eventSummaryColumns,
				participants(eb, false)
					.select((c) => c.fn.countAll<number>().as('n'))
					.as('participants'),
				participants(eb, true)
					.select((c) => c.fn.countAll<number>().as('n'))
					.as('unanswered')
			])
			.where('event.start_at', '>=', p.from)
			.where('event.start_at', '<', p.until)
			.where('event.status', '!=', 'cancelled')
			.where((eb) => eb.exists(participants(eb, true).select('ep.id')))
			.orderBy('event.start_at')
			.orderBy('event.id')
			.limit(p.rows);
	}
);

/** Messages the outbox gave up on, latest first (outbox_message_due_idx), at most limit + 1. */
export async function listFailedMessages(db: Kysely<Database>, limit: number) {
	return failedMessages(db, { rows: limit + 1 });
}

const failedMessages = prepared((db, p: Placeholders<{ rows: number }>) =>
	db
		.selectFrom('outbox_message')
		.leftJoin('event', 'event.id', 'outbox_message.event_id')
		.select([
			'outbox_message.id',
			'outbox_message.to_name',
			'outbox_message.subject',
			'outbox_message.last_error',
			'outbox_message.next_attempt_at',
			'outbox_message.event_id',
			'event.title as event_title'
		])
		.where('outbox_message.status', '=', 'failed')
		.orderBy('outbox_message.next_attempt_at', 'desc')
		.orderBy('outbox_message.id', 'desc')
		.limit(p.rows)
);

/**
 * Documents received on or after `since` that nothing answers yet: no reply recorded, and no event they
 * led to. Latest first, from correspondence_dated_idx; at most limit + 1. Two NOT EXISTS, not NOT (… OR …):
 * PostgreSQL makes each an anti-join probing the letters the walk reads, where under the OR it hashed
 * every leads_to link in the office first (80 000 at a million events: 32 ms, now 0.2 ms).
 */
export async function listUnansweredLetters(db: Kysely<Database>, since: IsoDate, limit: number) {
	return unansweredLetters(db, { since, rows: limit + 1 });
}

const unansweredLetters = prepared((db, p: Placeholders<{ since: IsoDate; rows: number }>) =>
	db
		.selectFrom('correspondence')
		.leftJoin('organization as sender', 'sender.id', 'correspondence.sender_organization_id')
		.select([
			'correspondence.id',
			'correspondence.kind',
			'correspondence.reference_number',
			'correspondence.dated_on',
			'correspondence.subject',
			'correspondence.reply_expected',
			'sender.id as sender_id',
			'sender.name as sender_name',
			'sender.acronym as sender_acronym'
		])
		.where('correspondence.dated_on', '>=', p.since)
		.where('correspondence.direction', '=', 'incoming')
		.where((eb) => eb.not(hasReply(eb)))
		.where((eb) =>
			eb.not(
				eb.exists(
					eb
						.selectFrom('correspondence_event as ce')
						.select('ce.event_id')
						.whereRef('ce.correspondence_id', '=', 'correspondence.id')
						.where('ce.link', '=', 'leads_to')
				)
			)
		)
		.orderBy('correspondence.dated_on', 'desc')
		.orderBy('correspondence.id', 'desc')
		.limit(p.rows)
);
