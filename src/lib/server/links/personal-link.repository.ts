/** Queries behind personal links and the programme a link shows. Kysely only: no rules, no HTTP. */
import { agendaTitleColumns } from '../agenda/agenda.repository';
import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database, Instant, PersonalLinkTable } from '../db/schema';
import { personNameColumns } from '../people/person.repository';

export async function findPersonalLink(db: Kysely<Database>, linkId: string) {
	const row = await db
		.selectFrom('personal_link')
		.select(['id', 'person_id', 'secret_hash', 'expires_at', 'revoked_at', 'last_used_at'])
		.where('id', '=', linkId)
		.executeTakeFirst();
	return row ?? null;
}

/** The person's most recent link, live or not. */
export async function findLatestPersonalLink(db: Kysely<Database>, personId: number) {
	const row = await db
		.selectFrom('personal_link')
		.select(['created_at', 'expires_at', 'revoked_at', 'last_used_at'])
		.where('person_id', '=', personId)
		.orderBy('created_at', 'desc')
		.orderBy('id')
		.limit(1)
		.executeTakeFirst();
	return row ?? null;
}

export async function insertPersonalLink(db: Kysely<Database>, link: Insertable<PersonalLinkTable>) {
	await db.insertInto('personal_link').values(link).execute();
}

/** Revokes the person's links that still work at `now`; returns how many there were. */
export async function revokeLivePersonalLinks(
	db: Kysely<Database>,
	personId: number,
	now: Instant
): Promise<number> {
	const result = await db
		.updateTable('personal_link')
		.set({ revoked_at: now })
		.where('person_id', '=', personId)
		.where('revoked_at', 'is', null)
		.where('expires_at', '>', now)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}

export async function touchPersonalLink(db: Kysely<Database>, linkId: string, now: Instant) {
	await db.updateTable('personal_link').set({ last_used_at: now }).where('id', '=', linkId).execute();
}

export async function findPersonName(db: Kysely<Database>, personId: number) {
	const row = await db
		.selectFrom('person')
		.select(personNameColumns)
		.where('person.id', '=', personId)
		.executeTakeFirst();
	return row ?? null;
}

/**
 * The events a person takes part in, drafts left out: those not yet over at `now` first, soonest first,
 * then the past ones, latest first. Fetches at most `limit` rows.
 */
export async function listEventsOfPerson(
	db: Kysely<Database>,
	personId: number,
	now: Instant,
	limit: number
) {
	const upcoming = sql<number>`case when event.end_at > ${now} then 0 else 1 end`;
	return db
		.selectFrom('event_participant as p')
		.innerJoin('event', 'event.id', 'p.event_id')
		.leftJoin('venue', 'venue.id', 'event.venue_id')
		.select([
			'event.id',
			'event.title',
			'event.kind',
			'event.status',
			'event.status_reason',
			'event.start_at',
			'event.end_at',
			'event.time_zone',
			'event.timing',
			'event.all_day',
			'event.online_url',
			'venue.name as venue_name',
			'venue.address as venue_address',
			'venue.city as venue_city',
			'venue.country_code as venue_country_code',
			'p.id as participant_id',
			'p.role as participant_role',
			'p.rsvp_status',
			'p.responded_at',
			'p.position_at_event'
		])
		.where('p.person_id', '=', personId)
		.where('event.status', '!=', 'draft')
		.orderBy(upcoming)
		.orderBy(sql`case when event.end_at > ${now} then event.start_at end`)
		.orderBy('event.start_at', 'desc')
		.orderBy('event.id')
		.limit(limit)
		.execute();
}

export async function listAgendaItemsOfEvents(db: Kysely<Database>, eventIds: number[]) {
	return db
		.selectFrom('agenda_item')
		.select([
			'id',
			'event_id',
			'position',
			'kind',
			...agendaTitleColumns,
			'start_at',
			'end_at',
			'is_published'
		])
		.where('event_id', 'in', eventIds)
		.orderBy('event_id')
		.orderBy('position')
		.orderBy('id')
		.execute();
}

/** Who holds which role on the items of these events, with the person behind each participant. */
export async function listAgendaRolesOfEvents(db: Kysely<Database>, eventIds: number[]) {
	return db
		.selectFrom('agenda_item_role as r')
		.innerJoin('agenda_item as i', 'i.id', 'r.agenda_item_id')
		.innerJoin('event_participant as p', 'p.id', 'r.participant_id')
		.innerJoin('person', 'person.id', 'p.person_id')
		.select([
			'r.agenda_item_id',
			'r.role',
			'p.person_id',
			'person.honorific',
			'person.given_name',
			'person.family_name'
		])
		.where('i.event_id', 'in', eventIds)
		.orderBy('r.agenda_item_id')
		.orderBy('r.position')
		.orderBy('p.id')
		.execute();
}

/** One participation with what the RSVP rules need of its event. */
export async function findParticipation(db: Kysely<Database>, participantId: number) {
	const row = await db
		.selectFrom('event_participant as p')
		.innerJoin('event', 'event.id', 'p.event_id')
		.select([
			'p.id',
			'p.person_id',
			'p.event_id',
			'p.rsvp_status',
			'p.responded_at',
			'event.status as event_status',
			'event.end_at as event_end_at'
		])
		.where('p.id', '=', participantId)
		.executeTakeFirst();
	return row ?? null;
}

export async function updateParticipantRsvp(
	db: Kysely<Database>,
	participantId: number,
	change: { rsvp_status: 'accepted' | 'tentative' | 'declined'; responded_at: Instant; updated_at: Instant }
) {
	await db.updateTable('event_participant').set(change).where('id', '=', participantId).execute();
}
