/**
 * The bulk inserts `npm run bench` seeds its large office with: hundreds of rows a statement, where the
 * app's own repositories write one record at a time. Kysely only.
 */
import type { Insertable, Kysely } from 'kysely';
import type {
	AgendaItemTable,
	Database,
	EventOrganizationTable,
	NewEvent,
	NewOrganization,
	NewParticipant,
	NewPerson
} from '../src/lib/server/db/schema';

type Db = Kysely<Database>;

export async function insertOrganizations(db: Db, rows: NewOrganization[]) {
	await db.insertInto('organization').values(rows).execute();
}

export async function insertPeople(db: Db, rows: NewPerson[]) {
	await db.insertInto('person').values(rows).execute();
}

export async function insertEvents(db: Db, rows: NewEvent[]) {
	return db.insertInto('event').values(rows).returning(['id', 'start_at']).execute();
}

export async function insertEventHosts(db: Db, rows: Insertable<EventOrganizationTable>[]) {
	await db.insertInto('event_organization').values(rows).execute();
}

export async function insertParticipants(db: Db, rows: NewParticipant[]) {
	return db.insertInto('event_participant').values(rows).returning(['id', 'event_id']).execute();
}

export async function insertAgendaItems(db: Db, rows: Insertable<AgendaItemTable>[]) {
	return db.insertInto('agenda_item').values(rows).returning(['id', 'event_id']).execute();
}

/** An umbrella organisation over those given, so that its dossier holds all of theirs. */
export async function insertUmbrella(db: Db, row: NewOrganization, childIds: number[]) {
	const { id } = await db.insertInto('organization').values(row).returning('id').executeTakeFirstOrThrow();
	await db.updateTable('organization').set({ parent_id: id }).where('id', 'in', childIds).execute();
	return id;
}
