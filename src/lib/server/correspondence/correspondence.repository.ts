/** Queries over correspondence: notes verbales, letters and what they enclose and lead to. */
import type { ExpressionBuilder, Insertable, Kysely, Updateable } from 'kysely';
import type { CorrespondenceEventLink, CorrespondenceKind } from '../../vocabulary';
import { pageByKeyset } from '../db/keyset';
import type {
	CorrespondenceEnclosureTable,
	CorrespondenceTable,
	Database,
	NewCorrespondence
} from '../db/schema';
import { organizationRefColumns } from '../organizations/organization.ref';
import type { PageRequest } from '../pagination';

export interface CorrespondenceFilter {
	kind?: CorrespondenceKind;
	/** Sent or received by this organisation. */
	organizationId?: number;
}

/** What every list of documents shows of each, from a query built on `withSenderAndRecipient`. */
export const correspondenceListColumns = [
	'correspondence.id',
	'correspondence.kind',
	'correspondence.reference_number',
	'correspondence.dated_on',
	'correspondence.place',
	'correspondence.subject',
	...organizationRefColumns('sender', 'sender'),
	...organizationRefColumns('recipient', 'recipient')
] as const;

/** A document with the organisations it went from and to. */
export function withSenderAndRecipient(db: Kysely<Database>) {
	return db
		.selectFrom('correspondence')
		.leftJoin('organization as sender', 'sender.id', 'correspondence.sender_organization_id')
		.leftJoin('organization as recipient', 'recipient.id', 'correspondence.recipient_organization_id');
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
	let query = withSenderAndRecipient(db).select(correspondenceListColumns);
	if (filter.kind) query = query.where('correspondence.kind', '=', filter.kind);
	if (filter.organizationId) query = query.where(sentOrReceivedBy(filter.organizationId));
	return pageByKeyset(query, page, {
		key: ['correspondence.dated_on', 'correspondence.id'],
		order: 'desc'
	}).execute();
}

export type CorrespondenceListRow = Awaited<ReturnType<typeof listCorrespondence>>[number];

/** The documents linked to an event, in the order they were dated, with how each is linked. */
export async function listCorrespondenceByEvent(db: Kysely<Database>, eventId: number) {
	return withSenderAndRecipient(db)
		.innerJoin('correspondence_event as ce', 'ce.correspondence_id', 'correspondence.id')
		.select(correspondenceListColumns)
		.select('ce.link')
		.where('ce.event_id', '=', eventId)
		.orderBy('correspondence.dated_on')
		.orderBy('correspondence.id')
		.execute();
}

/** One document with its organisations and the people who signed it and to whom it is addressed. */
export async function findCorrespondence(db: Kysely<Database>, correspondenceId: number) {
	const row = await withSenderAndRecipient(db)
		.leftJoin('person as signatory', 'signatory.id', 'correspondence.signatory_person_id')
		.leftJoin('person as addressee', 'addressee.id', 'correspondence.addressee_person_id')
		.select(correspondenceListColumns)
		.select([
			'correspondence.summary',
			'signatory.id as signatory_id',
			'signatory.honorific as signatory_honorific',
			'signatory.given_name as signatory_given_name',
			'signatory.family_name as signatory_family_name',
			'signatory.position as signatory_position',
			'addressee.id as addressee_id',
			'addressee.honorific as addressee_honorific',
			'addressee.given_name as addressee_given_name',
			'addressee.family_name as addressee_family_name',
			'addressee.position as addressee_position'
		])
		.where('correspondence.id', '=', correspondenceId)
		.executeTakeFirst();
	return row ?? null;
}

export type CorrespondenceDetailRow = NonNullable<Awaited<ReturnType<typeof findCorrespondence>>>;

/** What a document carries, in order; an enclosure may itself be a recorded document. */
export async function listEnclosures(db: Kysely<Database>, correspondenceId: number) {
	return db
		.selectFrom('correspondence_enclosure as e')
		.leftJoin('correspondence as enclosed', 'enclosed.id', 'e.enclosed_correspondence_id')
		.select([
			'e.id',
			'e.description',
			'e.page_count',
			'enclosed.id as enclosed_id',
			'enclosed.reference_number as enclosed_reference_number',
			'enclosed.subject as enclosed_subject'
		])
		.where('e.correspondence_id', '=', correspondenceId)
		.orderBy('e.position')
		.orderBy('e.id')
		.execute();
}

/** The documents that transmitted this one as an enclosure, earliest first. */
export async function listTransmittals(db: Kysely<Database>, correspondenceId: number) {
	return (
		db
			.selectFrom('correspondence_enclosure as e')
			.innerJoin('correspondence as parent', 'parent.id', 'e.correspondence_id')
			.select(['parent.id', 'parent.kind', 'parent.reference_number', 'parent.dated_on', 'parent.subject'])
			.where('e.enclosed_correspondence_id', '=', correspondenceId)
			.orderBy('parent.dated_on')
			.orderBy('parent.id')
			// A document listing the same enclosure twice still transmitted it once.
			.distinct()
			.execute()
	);
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

export async function insertEnclosures(
	db: Kysely<Database>,
	enclosures: Insertable<CorrespondenceEnclosureTable>[]
) {
	if (enclosures.length > 0) await db.insertInto('correspondence_enclosure').values(enclosures).execute();
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
