/** Queries over the people in the directory and what they took part in. Kysely only: no rules, no HTTP. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { PageRequest } from '../pagination';

export interface PersonFilter {
	/** People whose current organisation this is. */
	organizationId?: number;
}

/** One page of people in keyset order of (family_name, given_name, id). Fetches limit + 1 rows. */
export async function listPeople(db: Kysely<Database>, filter: PersonFilter, page: PageRequest) {
	const readAscending = page.before === undefined;
	const cursor = page.before ?? page.after;
	let query = db
		.selectFrom('person')
		.leftJoin('organization', 'organization.id', 'person.organization_id')
		.select([
			'person.id',
			'person.honorific',
			'person.given_name',
			'person.family_name',
			'person.native_name',
			'person.position',
			'person.rank',
			'organization.id as organization_id',
			'organization.name as organization_name',
			'organization.acronym as organization_acronym'
		]);
	if (filter.organizationId) query = query.where('person.organization_id', '=', filter.organizationId);
	if (cursor?.length === 3) {
		const [familyName, givenName, id] = cursor;
		query = query.where((eb) =>
			eb(
				eb.refTuple('person.family_name', 'person.given_name', 'person.id'),
				readAscending ? '>' : '<',
				eb.tuple(String(familyName), String(givenName), Number(id))
			)
		);
	}
	const direction = readAscending ? 'asc' : 'desc';
	return query
		.orderBy('person.family_name', direction)
		.orderBy('person.given_name', direction)
		.orderBy('person.id', direction)
		.limit(page.limit + 1)
		.execute();
}

export type PersonListRow = Awaited<ReturnType<typeof listPeople>>[number];

/**
 * One person with their current organisation. E-mail and phone leave the database only when the person
 * agreed to show them to every reader (contact_public = 1).
 */
export async function findPerson(db: Kysely<Database>, personId: number) {
	return db
		.selectFrom('person')
		.leftJoin('organization', 'organization.id', 'person.organization_id')
		.select([
			'person.id',
			'person.honorific',
			'person.given_name',
			'person.family_name',
			'person.native_name',
			'person.rank',
			'person.position',
			'person.notes',
			'person.updated_at',
			sql<string | null>`case when person.contact_public = 1 then person.email end`.as('public_email'),
			sql<string | null>`case when person.contact_public = 1 then person.phone end`.as('public_phone'),
			'organization.id as organization_id',
			'organization.name as organization_name',
			'organization.acronym as organization_acronym'
		])
		.where('person.id', '=', personId)
		.executeTakeFirst();
}

export type PersonDetailRow = NonNullable<Awaited<ReturnType<typeof findPerson>>>;

/**
 * The events a person took part in, newest first, with the title, rank and organisation they held there.
 * Fetches limit + 1 rows.
 */
export async function listParticipationsOfPerson(db: Kysely<Database>, personId: number, limit: number) {
	return db
		.selectFrom('event_participant as p')
		.innerJoin('event', 'event.id', 'p.event_id')
		.leftJoin('organization as o', 'o.id', 'p.organization_id')
		.select([
			'p.id as participant_id',
			'p.role',
			'p.position_at_event',
			'p.rank_at_event',
			'event.id as event_id',
			'event.title',
			'event.kind',
			'event.status',
			'event.start_at',
			'event.end_at',
			'event.time_zone',
			'event.timing',
			'o.id as organization_id',
			'o.name as organization_name',
			'o.acronym as organization_acronym'
		])
		.where('p.person_id', '=', personId)
		.orderBy('event.start_at', 'desc')
		.orderBy('event.id', 'desc')
		.limit(limit + 1)
		.execute();
}

/** The agenda items a person chairs, speaks at or presents, at the given events, in programme order. */
export async function listAgendaRolesOfPerson(db: Kysely<Database>, personId: number, eventIds: number[]) {
	if (eventIds.length === 0) return [];
	return db
		.selectFrom('agenda_item_role as r')
		.innerJoin('event_participant as p', 'p.id', 'r.participant_id')
		.innerJoin('agenda_item as i', 'i.id', 'r.agenda_item_id')
		.select(['i.event_id', 'i.id as agenda_item_id', 'i.kind', 'i.title', 'i.start_at', 'i.end_at', 'r.role'])
		.where('p.person_id', '=', personId)
		.where('i.event_id', 'in', eventIds)
		.orderBy('i.event_id')
		.orderBy('i.position')
		.orderBy('i.id')
		.execute();
}

/**
 * Outcomes the person is responsible for, those of the latest events first and those recorded without
 * an event last. Fetches limit + 1 rows.
 */
export async function listOutcomesOwnedByPerson(db: Kysely<Database>, personId: number, limit: number) {
	return (
		db
			.selectFrom('outcome')
			.leftJoin('event', 'event.id', 'outcome.event_id')
			.select([
				'outcome.id',
				'outcome.kind',
				'outcome.title',
				'outcome.status',
				'outcome.due_on',
				'event.id as event_id',
				'event.title as event_title',
				'event.start_at as event_start_at',
				'event.time_zone as event_time_zone'
			])
			.where('outcome.owner_person_id', '=', personId)
			// Portable "nulls last": SQLite sorts nulls first in a descending order, PostgreSQL last.
			.orderBy(sql`case when event.start_at is null then 1 else 0 end`)
			.orderBy('event.start_at', 'desc')
			.orderBy('outcome.id', 'desc')
			.limit(limit + 1)
			.execute()
	);
}

/** Letters and notes the person signed or was addressed, latest first. Fetches limit + 1 rows. */
export async function listCorrespondenceOfPerson(db: Kysely<Database>, personId: number, limit: number) {
	return db
		.selectFrom('correspondence as c')
		.leftJoin('organization as sender', 'sender.id', 'c.sender_organization_id')
		.leftJoin('organization as recipient', 'recipient.id', 'c.recipient_organization_id')
		.select([
			'c.id',
			'c.kind',
			'c.reference_number',
			'c.dated_on',
			'c.subject',
			'c.signatory_person_id',
			'c.addressee_person_id',
			'sender.id as sender_id',
			'sender.name as sender_name',
			'sender.acronym as sender_acronym',
			'recipient.id as recipient_id',
			'recipient.name as recipient_name',
			'recipient.acronym as recipient_acronym'
		])
		.where((eb) =>
			eb.or([eb('c.signatory_person_id', '=', personId), eb('c.addressee_person_id', '=', personId)])
		)
		.orderBy('c.dated_on', 'desc')
		.orderBy('c.id', 'desc')
		.limit(limit + 1)
		.execute();
}
