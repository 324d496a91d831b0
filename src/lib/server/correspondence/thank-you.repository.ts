/** Queries the thank-you letters of a meeting need: its topics, what was agreed, the letters made already. */
import { PostgresAdapter, type Kysely } from 'kysely';
import type { Database } from '../db/schema';

/**
 * The event a draft is written for, or undefined. Inside a transaction this takes the event's row lock on
 * PostgreSQL, so that two officers drafting the same letters take turns and the second finds the first's
 * drafts (SQLite's write transactions, BEGIN IMMEDIATE, do so already).
 */
export async function lockEventForLetters(db: Kysely<Database>, eventId: number) {
	const query = db.selectFrom('event').select('id').where('id', '=', eventId);
	return (
		db.getExecutor().adapter instanceof PostgresAdapter && db.isTransaction ? query.forUpdate() : query
	).executeTakeFirst();
}

/** The titles of the meeting's topics, in their order. */
export async function listTopicTitles(db: Kysely<Database>, eventId: number) {
	return db
		.selectFrom('topic')
		.select('title')
		.where('event_id', '=', eventId)
		.orderBy('position')
		.orderBy('id')
		.execute();
}

/** The decisions and action points recorded at the event, in the order they were recorded. */
export async function listAgreedOutcomes(db: Kysely<Database>, eventId: number) {
	return db
		.selectFrom('outcome')
		.select(['id', 'title'])
		.where('event_id', '=', eventId)
		.where('kind', 'in', ['decision', 'action_point'])
		.orderBy('id')
		.execute();
}

/** The agreements signed at the event, in the order they were entered. */
export async function listAgreementsSignedAtEvent(db: Kysely<Database>, eventId: number) {
	return db
		.selectFrom('agreement')
		.select(['id', 'title'])
		.where('signed_event_id', '=', eventId)
		.orderBy('id')
		.execute();
}

/** The outgoing letters linked to the event and addressed to someone: one made already is not made twice. */
export async function listOutgoingLettersOfEvent(db: Kysely<Database>, eventId: number) {
	return db
		.selectFrom('correspondence_event as ce')
		.innerJoin('correspondence as c', 'c.id', 'ce.correspondence_id')
		.select(['c.id', 'c.addressee_person_id', 'c.draft', 'c.reference_number', 'c.subject'])
		.where('ce.event_id', '=', eventId)
		.where('c.direction', '=', 'outgoing')
		.where('c.kind', '=', 'letter')
		.where('c.addressee_person_id', 'is not', null)
		.orderBy('c.id')
		.execute();
}
