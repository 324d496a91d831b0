/**
 * Queries of the daily reminder: officers' action points overdue or due soon, the digest written once
 * per officer and office day, and the officer's choice to get it. Kysely only.
 */
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database, Flag, IsoDate } from '../db/schema';
import { actionPointItemColumns } from '../outcomes/outcome.repository';

/** Action points an officer follows up that are neither done nor dropped and due by `until`. */
const dueBy = (until: IsoDate) => (eb: ExpressionBuilder<Database, 'outcome'>) =>
	eb.and([
		eb('outcome.kind', '=', 'action_point'),
		eb('outcome.status', 'in', ['open', 'in_progress']),
		eb('outcome.due_on', '<=', until)
	]);

/** One officer's action points due by `until` (overdue first), along outcome_responsible_idx. Limit + 1. */
export function listActionPointsDueBy(db: Kysely<Database>, userId: number, until: IsoDate, limit: number) {
	return db
		.selectFrom('outcome')
		.leftJoin('event', 'event.id', 'outcome.event_id')
		.select(actionPointItemColumns)
		.where('outcome.responsible_user_id', '=', userId)
		.where(dueBy(until))
		.orderBy('outcome.due_on')
		.orderBy('outcome.id')
		.limit(limit + 1)
		.execute();
}

export type DueActionPointRow = Awaited<ReturnType<typeof listActionPointsDueBy>>[number];

/**
 * Every active officer who wants the digest, has none yet for `officeDate`, and follows up action points
 * due by `until`: a row per action point, by officer then soonest due.
 */
export function listDigestsToSend(db: Kysely<Database>, officeDate: IsoDate, until: IsoDate) {
	return db
		.selectFrom('user_account as u')
		.innerJoin('outcome', 'outcome.responsible_user_id', 'u.id')
		.leftJoin('event', 'event.id', 'outcome.event_id')
		.select([
			'u.id as user_id',
			'u.name as user_name',
			'u.email as user_email',
			'u.locale as user_locale',
			...actionPointItemColumns
		])
		.where('u.role', 'in', ['officer', 'admin'])
		.where('u.disabled_at', 'is', null)
		.where('u.reminders', '=', 1)
		.where(dueBy(until))
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('reminder_digest as r')
						.select('r.user_id')
						.whereRef('r.user_id', '=', 'u.id')
						.where('r.office_date', '=', officeDate)
				)
			)
		)
		.orderBy('u.id')
		.orderBy('outcome.due_on')
		.orderBy('outcome.id')
		.execute();
}

/**
 * Claims the officer's digest for the day: true when this call wrote the row. The key (user_id,
 * office_date) lets one transaction in; on PostgreSQL another waits for it to end, then writes nothing.
 */
export async function insertReminderDigest(
	db: Kysely<Database>,
	userId: number,
	officeDate: IsoDate,
	at: string
): Promise<boolean> {
	const rows = await db
		.insertInto('reminder_digest')
		.values({ user_id: userId, office_date: officeDate, created_at: at })
		.onConflict((oc) => oc.columns(['user_id', 'office_date']).doNothing())
		.returning('user_id')
		.execute();
	return rows.length === 1;
}

export async function setReminderDigestMessage(
	db: Kysely<Database>,
	userId: number,
	officeDate: IsoDate,
	messageId: number
) {
	await db
		.updateTable('reminder_digest')
		.set({ outbox_message_id: messageId })
		.where('user_id', '=', userId)
		.where('office_date', '=', officeDate)
		.execute();
}

export async function findReminderChoice(db: Kysely<Database>, userId: number) {
	const row = await db
		.selectFrom('user_account')
		.select(['id', 'reminders'])
		.where('id', '=', userId)
		.executeTakeFirst();
	return row ?? null;
}

export async function updateReminderChoice(db: Kysely<Database>, userId: number, reminders: Flag) {
	await db.updateTable('user_account').set({ reminders }).where('id', '=', userId).execute();
}
