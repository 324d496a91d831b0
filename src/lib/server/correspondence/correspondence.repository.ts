/** Queries over correspondence: notes verbales, letters, their threads and the events they lead to. */
import { sql, type ExpressionBuilder, type Kysely, type Updateable } from 'kysely';
import type { CorrespondenceDirection, CorrespondenceEventLink, CorrespondenceKind } from '../../vocabulary';
import { pageByKeyset } from '../db/keyset';
import { prepared, type Placeholders } from '../db/prepared';
import { isLinkedFrom, type LinkTable } from '../db/links';
import type { CorrespondenceTable, Database, NewCorrespondence } from '../db/schema';
import { organizationRefColumns } from '../organizations/organization.ref';
import type { PageRequest } from '../pagination';
import { currentPostColumns } from '../people/current-post';

export interface CorrespondenceFilter {
	/** Dated in this calendar year. */
	year?: number;
	direction?: CorrespondenceDirection;
	kind?: CorrespondenceKind;
	/** Sent or received by this organisation. */
	organizationId?: number;
	/** Only incoming documents that need a reply and have none recorded. */
	awaitingReply?: boolean;
}

/**
 * Incoming, needing a reply, and no document recorded in reply to it: one index probe per row
 * (correspondence_in_reply_to_idx), inside the list's own query.
 */
export function awaitingReply(eb: ExpressionBuilder<Database, 'correspondence'>) {
	return eb.and([
		eb('correspondence.direction', '=', 'incoming'),
		eb('correspondence.reply_expected', '=', 1),
		eb.not(hasReply(eb))
	]);
}

/** Some document is recorded in reply to this one (correspondence_in_reply_to_idx). */
export function hasReply(eb: ExpressionBuilder<Database, 'correspondence'>) {
	return eb.exists(
		eb
			.selectFrom('correspondence as reply')
			.select('reply.id')
			.whereRef('reply.in_reply_to_id', '=', 'correspondence.id')
	);
}

/** What every list of documents shows of each, from a query built on `withSenderAndRecipient`. */
export const correspondenceListColumns = [
	'correspondence.id',
	'correspondence.kind',
	'correspondence.reference_number',
	'correspondence.dated_on',
	'correspondence.place',
	'correspondence.subject',
	'correspondence.direction',
	'correspondence.draft',
	...organizationRefColumns('sender', 'sender'),
	...organizationRefColumns('recipient', 'recipient')
] as const;

/** 1 when the document awaits our reply, else 0, as a column of a list query. */
export function awaitingReplyColumn(eb: ExpressionBuilder<Database, 'correspondence'>) {
	return eb
		.case()
		.when(awaitingReply(eb))
		.then(sql<number>`1`)
		.else(sql<number>`0`)
		.end()
		.as('awaiting_reply');
}

/** A document with the organisations it went from and to. */
export function withSenderAndRecipient(db: Kysely<Database>) {
	return db
		.selectFrom('correspondence')
		.leftJoin('organization as sender', 'sender.id', 'correspondence.sender_organization_id')
		.leftJoin('organization as recipient', 'recipient.id', 'correspondence.recipient_organization_id');
}

/**
 * The notes and letters a record links to (those about an agreement, those of a project), as a list
 * shows them, by date: oldest first (`asc`) or latest first.
 */
export async function listLettersLinkedFrom(
	db: Kysely<Database>,
	link: LinkTable,
	ownerId: number,
	order: 'asc' | 'desc'
) {
	return withSenderAndRecipient(db)
		.select(correspondenceListColumns)
		.select(awaitingReplyColumn)
		.where(isLinkedFrom(link, 'correspondence.id', ownerId))
		.orderBy('correspondence.dated_on', order)
		.orderBy('correspondence.id', order)
		.execute();
}

export function sentOrReceivedBy(organizationId: number) {
	return (eb: ExpressionBuilder<Database, 'correspondence'>) =>
		eb.or([
			eb('correspondence.sender_organization_id', '=', organizationId),
			eb('correspondence.recipient_organization_id', '=', organizationId)
		]);
}

/** One page of the register, latest first, in keyset order of (dated_on, id). Fetches limit + 1 rows. */
export async function listCorrespondence(
	db: Kysely<Database>,
	filter: CorrespondenceFilter,
	page: PageRequest
) {
	let query = withSenderAndRecipient(db).select(correspondenceListColumns).select(awaitingReplyColumn);
	if (filter.year !== undefined) {
		// Compared as text on SQLite and as dates on PostgreSQL: both serve it from correspondence_dated_idx.
		query = query
			.where('correspondence.dated_on', '>=', `${filter.year}-01-01`)
			.where('correspondence.dated_on', '<', `${filter.year + 1}-01-01`);
	}
	if (filter.direction) query = query.where('correspondence.direction', '=', filter.direction);
	if (filter.kind) query = query.where('correspondence.kind', '=', filter.kind);
	if (filter.organizationId) query = query.where(sentOrReceivedBy(filter.organizationId));
	if (filter.awaitingReply) query = query.where(awaitingReply);
	return pageByKeyset(query, page, {
		key: ['correspondence.dated_on', 'correspondence.id'],
		order: 'desc'
	}).execute();
}

export type CorrespondenceListRow = Awaited<ReturnType<typeof listCorrespondence>>[number];

/** The documents linked to an event, in the order they were dated, with how each is linked. */
export async function listCorrespondenceByEvent(db: Kysely<Database>, eventId: number) {
	return correspondenceOfEvent(db, { eventId });
}

const correspondenceOfEvent = prepared((db, p: Placeholders<{ eventId: number }>) =>
	withSenderAndRecipient(db)
		.innerJoin('correspondence_event as ce', 'ce.correspondence_id', 'correspondence.id')
		.select(correspondenceListColumns)
		.select(awaitingReplyColumn)
		.select('ce.link')
		.where('ce.event_id', '=', p.eventId)
		.orderBy('correspondence.dated_on')
		.orderBy('correspondence.id')
);

/** One document with its organisations and the people who signed it and to whom it is addressed. */
export async function findCorrespondence(db: Kysely<Database>, correspondenceId: number) {
	const row = await withSenderAndRecipient(db)
		.leftJoin('person as signatory', 'signatory.id', 'correspondence.signatory_person_id')
		.leftJoin('person as addressee', 'addressee.id', 'correspondence.addressee_person_id')
		.leftJoin('correspondence as answered', 'answered.id', 'correspondence.in_reply_to_id')
		.leftJoin('correspondence as transmitted', 'transmitted.id', 'correspondence.transmits_id')
		.select(correspondenceListColumns)
		.select(awaitingReplyColumn)
		.select([
			'correspondence.summary',
			'correspondence.body',
			'correspondence.version',
			'correspondence.reply_expected',
			'answered.id as answered_id',
			'answered.kind as answered_kind',
			'answered.reference_number as answered_reference_number',
			'answered.dated_on as answered_dated_on',
			'answered.subject as answered_subject',
			'transmitted.id as transmitted_id',
			'transmitted.kind as transmitted_kind',
			'transmitted.reference_number as transmitted_reference_number',
			'transmitted.dated_on as transmitted_dated_on',
			'transmitted.subject as transmitted_subject',
			'signatory.id as signatory_id',
			'signatory.honorific as signatory_honorific',
			'signatory.given_name as signatory_given_name',
			'signatory.family_name as signatory_family_name',
			...currentPostColumns('signatory', 'signatory_position'),
			'addressee.id as addressee_id',
			'addressee.honorific as addressee_honorific',
			'addressee.given_name as addressee_given_name',
			'addressee.family_name as addressee_family_name',
			...currentPostColumns('addressee', 'addressee_position'),
			'addressee.preferred_locale as addressee_locale'
		])
		.where('correspondence.id', '=', correspondenceId)
		.executeTakeFirst();
	return row ?? null;
}

export type CorrespondenceDetailRow = NonNullable<Awaited<ReturnType<typeof findCorrespondence>>>;

/**
 * The documents that point at this one, earliest first: its replies (`in_reply_to_id`), or the
 * documents that transmitted it (`transmits_id`).
 */
export async function listThreadOf(
	db: Kysely<Database>,
	link: 'in_reply_to_id' | 'transmits_id',
	correspondenceId: number
) {
	return db
		.selectFrom('correspondence as other')
		.select(['other.id', 'other.kind', 'other.reference_number', 'other.dated_on', 'other.subject'])
		.where(`other.${link}`, '=', correspondenceId)
		.orderBy('other.dated_on')
		.orderBy('other.id')
		.execute();
}

/** The document of this sender with this reference number, other than `exceptId`; null when none. */
export async function findCorrespondenceBySenderReference(
	db: Kysely<Database>,
	senderOrganizationId: number,
	referenceNumber: string,
	exceptId: number | null
) {
	let query = withSenderAndRecipient(db)
		.select(correspondenceListColumns)
		.where('correspondence.sender_organization_id', '=', senderOrganizationId)
		.where('correspondence.reference_number', '=', referenceNumber);
	if (exceptId !== null) query = query.where('correspondence.id', '<>', exceptId);
	return (await query.executeTakeFirst()) ?? null;
}

/** The dates of the earliest and latest documents (null, null for none): the register's years. */
export async function findCorrespondenceDateRange(db: Kysely<Database>) {
	return db
		.selectFrom('correspondence')
		.select((eb) => [
			eb.fn.min<string | null>('dated_on').as('first'),
			eb.fn.max<string | null>('dated_on').as('last')
		])
		.executeTakeFirstOrThrow();
}

/** The events a document is linked to, in the order they take place. */
export async function listEventsOfCorrespondence(db: Kysely<Database>, correspondenceId: number) {
	return db
		.selectFrom('correspondence_event as ce')
		.innerJoin('event', 'event.id', 'ce.event_id')
		.select(['event.id', 'event.title', 'event.start_at', 'event.time_zone', 'ce.link'])
		.where('ce.correspondence_id', '=', correspondenceId)
		.orderBy('event.start_at')
		.orderBy('event.id')
		.execute();
}

export async function findCorrespondenceRow(db: Kysely<Database>, correspondenceId: number) {
	const row = await db
		.selectFrom('correspondence')
		.selectAll()
		.where('id', '=', correspondenceId)
		.executeTakeFirst();
	return row ?? null;
}

export async function insertCorrespondence(db: Kysely<Database>, values: NewCorrespondence) {
	return db.insertInto('correspondence').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function updateCorrespondenceRow(
	db: Kysely<Database>,
	correspondenceId: number,
	expectedVersion: number,
	values: Updateable<CorrespondenceTable>
): Promise<boolean> {
	const result = await db
		.updateTable('correspondence')
		.set((eb) => ({ ...values, version: eb('version', '+', 1) }))
		.where('id', '=', correspondenceId)
		.where('version', '=', expectedVersion)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/**
 * Deletes a draft that is still at `expectedVersion`; answers whether it did. Its links to events,
 * agreements, projects and topics go with it (their keys cascade).
 */
export async function deleteDraftCorrespondence(
	db: Kysely<Database>,
	correspondenceId: number,
	expectedVersion: number
): Promise<boolean> {
	const result = await db
		.deleteFrom('correspondence')
		.where('id', '=', correspondenceId)
		.where('version', '=', expectedVersion)
		.where('draft', '=', 1)
		.executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}

export async function replaceCorrespondenceEvents(
	db: Kysely<Database>,
	correspondenceId: number,
	links: { eventId: number; link: CorrespondenceEventLink }[]
) {
	await db.deleteFrom('correspondence_event').where('correspondence_id', '=', correspondenceId).execute();
	if (links.length > 0) {
		await db
			.insertInto('correspondence_event')
			.values(links.map((l) => ({ correspondence_id: correspondenceId, event_id: l.eventId, link: l.link })))
			.execute();
	}
}

/** The events named by id, for the form's list of links. */
export async function listEventRefs(db: Kysely<Database>, eventIds: number[]) {
	if (eventIds.length === 0) return [];
	return db
		.selectFrom('event')
		.select(['id', 'title', 'start_at', 'time_zone'])
		.where('id', 'in', eventIds)
		.orderBy('start_at')
		.execute();
}
