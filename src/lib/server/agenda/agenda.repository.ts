/** Queries over an event's programme. Kysely only: no rules, no HTTP. */
import { PostgresAdapter, type Insertable, type Kysely } from 'kysely';
import type { Database, NewAgendaItem, NewParticipant } from '../db/schema';
import { prepared, type Placeholders } from '../db/prepared';
import { personAtEventColumns } from '../participants/participant.repository';

/** An item's title as written, its language and its versions (content versions, issue 18 §2). */
export const agendaTitleColumns = ['title', 'title_locale', 'title_az', 'title_en', 'title_ru'] as const;

const agendaItemColumns = [
	'id',
	'event_id',
	'position',
	'kind',
	...agendaTitleColumns,
	'start_at',
	'end_at',
	'duration_minutes',
	'notes',
	'is_published',
	'version'
] as const;

const agendaItemsOfEvent = prepared((db, p: Placeholders<{ eventId: number }>) =>
	db
		.selectFrom('agenda_item')
		.select(agendaItemColumns)
		.where('event_id', '=', p.eventId)
		.orderBy('position')
		.orderBy('id')
);

export async function listAgendaItems(db: Kysely<Database>, eventId: number) {
	return agendaItemsOfEvent(db, { eventId });
}

export type AgendaItemRow = Awaited<ReturnType<typeof listAgendaItems>>[number];

export async function findAgendaItem(db: Kysely<Database>, itemId: number) {
	const row = await db
		.selectFrom('agenda_item')
		.select(agendaItemColumns)
		.where('id', '=', itemId)
		.executeTakeFirst();
	return row ?? null;
}

/** Everyone with a role on any item of the event, with the title they held at that event. */
const agendaRolesOfEvent = prepared((db, p: Placeholders<{ eventId: number }>) =>
	db
		.selectFrom('agenda_item_role as r')
		.innerJoin('agenda_item as i', 'i.id', 'r.agenda_item_id')
		.innerJoin('event_participant as p', 'p.id', 'r.participant_id')
		.innerJoin('person', 'person.id', 'p.person_id')
		.leftJoin('organization as o', 'o.id', 'p.organization_id')
		.select(['r.agenda_item_id', 'r.participant_id', 'r.role', 'r.position', ...personAtEventColumns])
		.where('i.event_id', '=', p.eventId)
		.orderBy('r.agenda_item_id')
		.orderBy('r.position')
);

export async function listAgendaRoles(db: Kysely<Database>, eventId: number) {
	return agendaRolesOfEvent(db, { eventId });
}

/** The people with a role on one item, in the order they are named. */
export async function listRolesOfAgendaItem(db: Kysely<Database>, itemId: number) {
	return db
		.selectFrom('agenda_item_role as r')
		.innerJoin('event_participant as p', 'p.id', 'r.participant_id')
		.innerJoin('person', 'person.id', 'p.person_id')
		.leftJoin('organization as o', 'o.id', 'p.organization_id')
		.select(['r.agenda_item_id', 'r.participant_id', 'r.role', 'r.position', ...personAtEventColumns])
		.where('r.agenda_item_id', '=', itemId)
		.orderBy('r.position')
		.execute();
}

/**
 * The event's start, end, zone and status, or undefined when there is no such event. Inside a
 * transaction this takes the event's row lock on PostgreSQL (`for update`), so that two writes to one
 * programme run one after the other; SQLite's write transactions (BEGIN IMMEDIATE) do so already.
 */
export async function lockEventForAgenda(db: Kysely<Database>, eventId: number) {
	const query = db
		.selectFrom('event')
		.select(['id', 'start_at', 'end_at', 'time_zone', 'status'])
		.where('id', '=', eventId);
	return (db.getExecutor().adapter instanceof PostgresAdapter ? query.forUpdate() : query).executeTakeFirst();
}

export async function insertAgendaItem(db: Kysely<Database>, values: NewAgendaItem) {
	return db.insertInto('agenda_item').values(values).returning('id').executeTakeFirstOrThrow();
}

/** Writes the item's own fields when its version is still `expectedVersion`; answers whether it did. */
export async function updateAgendaItemFields(
	db: Kysely<Database>,
	itemId: number,
	expectedVersion: number,
	values: Pick<
		NewAgendaItem,
		| 'kind'
		| 'title'
		| 'title_locale'
		| 'title_az'
		| 'title_en'
		| 'title_ru'
		| 'duration_minutes'
		| 'notes'
		| 'is_published'
		| 'updated_at'
	>
): Promise<boolean> {
	const result = await db
		.updateTable('agenda_item')
		.set({ ...values, version: expectedVersion + 1 })
		.where('id', '=', itemId)
		.where('version', '=', expectedVersion)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Where an item stands in its programme and when: set by the service, never typed by a user. */
export async function placeAgendaItem(
	db: Kysely<Database>,
	itemId: number,
	place: { position: number; start_at: string | null; end_at: string | null; updated_at: string }
) {
	await db.updateTable('agenda_item').set(place).where('id', '=', itemId).execute();
}

export async function deleteAgendaItem(db: Kysely<Database>, itemId: number) {
	await db.deleteFrom('agenda_item').where('id', '=', itemId).execute();
}

/**
 * The event's participants as the officer picks from them, alphabetically, at most `limit` (an event with
 * more is searched by name instead). Fetches limit + 1 rows.
 */
export async function listParticipantChoices(db: Kysely<Database>, eventId: number, limit: number) {
	return db
		.selectFrom('event_participant as p')
		.innerJoin('person', 'person.id', 'p.person_id')
		.leftJoin('organization as o', 'o.id', 'p.organization_id')
		.select(['p.id', ...personAtEventColumns])
		.where('p.event_id', '=', eventId)
		.orderBy('person.family_name')
		.orderBy('person.given_name')
		.orderBy('p.id')
		.limit(limit + 1)
		.execute();
}

/** The person's participation in the event, if they take part. */
export async function findParticipantOfPerson(db: Kysely<Database>, eventId: number, personId: number) {
	const row = await db
		.selectFrom('event_participant')
		.select(['id', 'person_id', 'role'])
		.where('event_id', '=', eventId)
		.where('person_id', '=', personId)
		.executeTakeFirst();
	return row ?? null;
}

/** The person as they stand today: what a new participation snapshots. */
export async function findPersonToAssign(db: Kysely<Database>, personId: number) {
	const row = await db
		.selectFrom('person')
		.select(['id', 'honorific', 'given_name', 'family_name', 'position', 'rank', 'organization_id'])
		.where('id', '=', personId)
		.executeTakeFirst();
	return row ?? null;
}

export async function insertParticipant(db: Kysely<Database>, values: NewParticipant) {
	return db.insertInto('event_participant').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function findAgendaRole(
	db: Kysely<Database>,
	itemId: number,
	participantId: number,
	role: Database['agenda_item_role']['role']
) {
	const row = await db
		.selectFrom('agenda_item_role')
		.select(['agenda_item_id', 'participant_id', 'role', 'position'])
		.where('agenda_item_id', '=', itemId)
		.where('participant_id', '=', participantId)
		.where('role', '=', role)
		.executeTakeFirst();
	return row ?? null;
}

/** The place after the last person named on the item. */
export async function nextRolePosition(db: Kysely<Database>, itemId: number): Promise<number> {
	const row = await db
		.selectFrom('agenda_item_role')
		.select((eb) => eb.fn.max('position').as('last'))
		.where('agenda_item_id', '=', itemId)
		.executeTakeFirst();
	return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

export async function insertAgendaRole(
	db: Kysely<Database>,
	values: Insertable<Database['agenda_item_role']>
) {
	await db.insertInto('agenda_item_role').values(values).execute();
}

export async function deleteAgendaRole(
	db: Kysely<Database>,
	itemId: number,
	participantId: number,
	role: Database['agenda_item_role']['role']
): Promise<boolean> {
	const result = await db
		.deleteFrom('agenda_item_role')
		.where('agenda_item_id', '=', itemId)
		.where('participant_id', '=', participantId)
		.where('role', '=', role)
		.executeTakeFirst();
	return Number(result.numDeletedRows) === 1;
}

/** The roles a participant holds on their event's agenda. */
export async function listAgendaRolesOfParticipant(db: Kysely<Database>, participantId: number) {
	return db
		.selectFrom('agenda_item_role')
		.select(['agenda_item_id', 'role'])
		.where('participant_id', '=', participantId)
		.execute();
}

export async function deleteAgendaRolesOfParticipant(db: Kysely<Database>, participantId: number) {
	await db.deleteFrom('agenda_item_role').where('participant_id', '=', participantId).execute();
}
