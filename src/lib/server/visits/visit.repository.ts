/**
 * Queries over visits: the list, one visit with its delegation and host, its members, its programme
 * (each meeting read through its event, so its time is always the event's), whom each item names, and
 * one person's itinerary items across visits.
 */
import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Database, VisitItemTable, VisitTable } from '../db/schema';
import { pageByKeyset } from '../db/keyset';
import type { PageRequest } from '../pagination';
import { currentPostColumns } from '../people/current-post';

function visitsWithOrganizations(db: Kysely<Database>) {
	return db
		.selectFrom('visit')
		.leftJoin('organization as guest_org', 'guest_org.id', 'visit.organization_id')
		.leftJoin('organization as host_org', 'host_org.id', 'visit.host_organization_id')
		.select([
			'visit.id',
			'visit.title',
			'visit.kind',
			'visit.starts_on',
			'visit.ends_on',
			'visit.time_zone',
			'visit.timing',
			'visit.organization_id',
			'guest_org.name as organization_name',
			'guest_org.acronym as organization_acronym',
			'visit.host_organization_id',
			'host_org.name as host_organization_name',
			'host_org.acronym as host_organization_acronym'
		]);
}

export type VisitListRow = Awaited<ReturnType<ReturnType<typeof visitsWithOrganizations>['execute']>>[number];

/** One page of visits, latest first (keyset on the first day and id: visit_starts_on_idx). limit + 1 rows. */
export async function listVisits(db: Kysely<Database>, page: PageRequest) {
	return pageByKeyset(visitsWithOrganizations(db), page, {
		key: ['visit.starts_on', 'visit.id'],
		order: 'desc'
	}).execute();
}

export async function findVisit(db: Kysely<Database>, visitId: number) {
	const row = await visitsWithOrganizations(db)
		.select(['visit.notes', 'visit.version', 'visit.updated_at'])
		.where('visit.id', '=', visitId)
		.executeTakeFirst();
	return row ?? null;
}

export type VisitRow = NonNullable<Awaited<ReturnType<typeof findVisit>>>;

export async function findVisitRow(db: Kysely<Database>, visitId: number) {
	const row = await db.selectFrom('visit').selectAll().where('id', '=', visitId).executeTakeFirst();
	return row ?? null;
}

/** The delegation's members in order, the head first, by name. */
export async function listVisitMembers(db: Kysely<Database>, visitId: number) {
	return db
		.selectFrom('visit_member')
		.innerJoin('person', 'person.id', 'visit_member.person_id')
		.select([
			'person.id',
			'person.honorific',
			'person.given_name',
			'person.family_name',
			...currentPostColumns('person', 'post'),
			'visit_member.position'
		])
		.where('visit_member.visit_id', '=', visitId)
		.orderBy('visit_member.position')
		.execute();
}

export type VisitMemberRow = Awaited<ReturnType<typeof listVisitMembers>>[number];

export async function insertVisit(db: Kysely<Database>, values: Insertable<VisitTable>) {
	return db.insertInto('visit').values(values).returning('id').executeTakeFirstOrThrow();
}

/** Saves the visit if nobody did since `version`; false when someone did (nothing written). */
export async function updateVisit(
	db: Kysely<Database>,
	visitId: number,
	version: number,
	values: Updateable<VisitTable>
) {
	const result = await db
		.updateTable('visit')
		.set({ ...values, version: sql`version + 1` })
		.where('id', '=', visitId)
		.where('version', '=', version)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

export async function deleteVisitRow(db: Kysely<Database>, visitId: number) {
	await db.deleteFrom('visit').where('id', '=', visitId).execute();
}

/** The delegation becomes these people, in this order; whom items named and are no longer members lose them. */
export async function replaceVisitMembers(db: Kysely<Database>, visitId: number, personIds: number[]) {
	await db.deleteFrom('visit_member').where('visit_id', '=', visitId).execute();
	if (personIds.length > 0) {
		await db
			.insertInto('visit_member')
			.values(personIds.map((person_id, position) => ({ visit_id: visitId, person_id, position })))
			.execute();
	}
	const items = db.selectFrom('visit_item').select('id').where('visit_id', '=', visitId);
	let gone = db.deleteFrom('visit_item_person').where('item_id', 'in', items);
	if (personIds.length > 0) gone = gone.where('person_id', 'not in', personIds);
	await gone.execute();
}

/**
 * The programme in its order: a meeting's title, times, zone, place and timing are its event's (read
 * here, never copied), a logistics item's its own.
 */
export async function listVisitItems(db: Kysely<Database>, visitId: number) {
	return db
		.selectFrom('visit_item')
		.leftJoin('event', 'event.id', 'visit_item.event_id')
		.leftJoin('venue', 'venue.id', 'event.venue_id')
		.select((eb) => [
			'visit_item.id',
			'visit_item.visit_id',
			'visit_item.position',
			'visit_item.kind',
			'visit_item.event_id',
			'visit_item.destination',
			'visit_item.flight',
			'visit_item.greeter',
			'visit_item.vehicle',
			'visit_item.driver',
			'visit_item.notes',
			'visit_item.for_everyone',
			'visit_item.version',
			'visit_item.updated_at',
			'event.status as event_status',
			eb.fn.coalesce('event.title', 'visit_item.title').as('title'),
			eb.fn.coalesce('event.start_at', 'visit_item.start_at').as('start_at'),
			eb.fn.coalesce('event.end_at', 'visit_item.end_at').as('end_at'),
			eb.fn.coalesce('event.time_zone', 'visit_item.time_zone').as('time_zone'),
			eb.fn.coalesce('event.timing', 'visit_item.timing').as('timing'),
			eb.fn.coalesce('venue.name', 'visit_item.place').as('place')
		])
		.where('visit_item.visit_id', '=', visitId)
		.orderBy('visit_item.position')
		.orderBy('visit_item.id')
		.execute();
}

export type VisitItemRow = Awaited<ReturnType<typeof listVisitItems>>[number];

/** Whom each of the visit's logistics items names (items for everyone name nobody). */
export async function listItemPeople(db: Kysely<Database>, visitId: number) {
	return db
		.selectFrom('visit_item_person')
		.innerJoin('visit_item', 'visit_item.id', 'visit_item_person.item_id')
		.select(['visit_item_person.item_id', 'visit_item_person.person_id'])
		.where('visit_item.visit_id', '=', visitId)
		.execute();
}

/** Which of these people take part in which of these events. */
export async function listParticipations(db: Kysely<Database>, eventIds: number[], personIds: number[]) {
	if (eventIds.length === 0 || personIds.length === 0) return [];
	return db
		.selectFrom('event_participant')
		.select(['event_id', 'person_id'])
		.where('event_id', 'in', eventIds)
		.where('person_id', 'in', personIds)
		.execute();
}

export async function findVisitItemRow(db: Kysely<Database>, itemId: number) {
	const row = await db.selectFrom('visit_item').selectAll().where('id', '=', itemId).executeTakeFirst();
	return row ?? null;
}

export async function insertVisitItem(db: Kysely<Database>, values: Insertable<VisitItemTable>) {
	return db.insertInto('visit_item').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function updateVisitItem(
	db: Kysely<Database>,
	itemId: number,
	version: number,
	values: Updateable<VisitItemTable>
) {
	const result = await db
		.updateTable('visit_item')
		.set({ ...values, version: sql`version + 1` })
		.where('id', '=', itemId)
		.where('version', '=', version)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

export async function deleteVisitItem(db: Kysely<Database>, itemId: number) {
	await db.deleteFrom('visit_item').where('id', '=', itemId).execute();
}

/** Makes room at `position`: every item there or after moves one down. */
export async function shiftVisitItems(db: Kysely<Database>, visitId: number, position: number) {
	await db
		.updateTable('visit_item')
		.set({ position: sql`position + 1` })
		.where('visit_id', '=', visitId)
		.where('position', '>=', position)
		.execute();
}

export async function setVisitItemPosition(
	db: Kysely<Database>,
	itemId: number,
	position: number,
	at: string
) {
	await db.updateTable('visit_item').set({ position, updated_at: at }).where('id', '=', itemId).execute();
}

export async function replaceItemPeople(db: Kysely<Database>, itemId: number, personIds: number[]) {
	await db.deleteFrom('visit_item_person').where('item_id', '=', itemId).execute();
	if (personIds.length > 0) {
		await db
			.insertInto('visit_item_person')
			.values(personIds.map((person_id) => ({ item_id: itemId, person_id })))
			.execute();
	}
}

/** The events a meeting item may link: those of the visit's days (a day either side), in time order. */
export async function listEventsAround(db: Kysely<Database>, from: string, to: string, limit: number) {
	return db
		.selectFrom('event')
		.select(['id', 'title', 'start_at', 'end_at', 'time_zone'])
		.where('start_at', '>=', from)
		.where('start_at', '<', to)
		.orderBy('start_at')
		.orderBy('id')
		.limit(limit)
		.execute();
}

/** The event's start, or null when there is no such event. */
export async function findEventStart(db: Kysely<Database>, eventId: number) {
	const row = await db.selectFrom('event').select('start_at').where('id', '=', eventId).executeTakeFirst();
	return row?.start_at ?? null;
}

/** The visits one person is a member of, latest first (visit_member_person_idx), at most `limit`. */
export async function listVisitsOfMember(db: Kysely<Database>, personId: number, limit: number) {
	return visitsWithOrganizations(db)
		.innerJoin('visit_member', 'visit_member.visit_id', 'visit.id')
		.where('visit_member.person_id', '=', personId)
		.orderBy('visit.starts_on', 'desc')
		.orderBy('visit.id', 'desc')
		.limit(limit)
		.execute();
}

/**
 * One person's logistics items across the visits they are a member of, in a window: those for
 * everyone and those naming them (a meeting reaches their feed as the event itself).
 */
export async function listLogisticsOfPerson(
	db: Kysely<Database>,
	personId: number,
	window: { from: string; to: string },
	limit: number
) {
	// From the person's memberships (visit_member_person_idx) to their visits' items (visit_item_order_idx).
	return (
		db
			.selectFrom('visit_member')
			.innerJoin('visit_item', 'visit_item.visit_id', 'visit_member.visit_id')
			.innerJoin('visit', 'visit.id', 'visit_item.visit_id')
			.where('visit_member.person_id', '=', personId)
			.select([
				'visit_item.id',
				'visit_item.kind',
				'visit_item.title',
				'visit_item.start_at',
				'visit_item.end_at',
				'visit_item.time_zone',
				'visit_item.timing',
				'visit_item.place',
				'visit_item.destination',
				'visit_item.flight',
				'visit_item.greeter',
				'visit_item.vehicle',
				'visit_item.driver',
				'visit_item.notes',
				'visit_item.version',
				'visit_item.updated_at',
				'visit.title as visit_title'
			])
			// Not `event_id is null`: SQLite would then read every logistics item of the office through its index.
			.where('visit_item.kind', '<>', 'meeting')
			.where((eb) =>
				eb.or([
					eb('visit_item.for_everyone', '=', 1),
					eb.exists(
						eb
							.selectFrom('visit_item_person')
							.select('visit_item_person.item_id')
							.whereRef('visit_item_person.item_id', '=', 'visit_item.id')
							.where('visit_item_person.person_id', '=', personId)
					)
				])
			)
			.where('visit_item.end_at', '>=', window.from)
			.where('visit_item.start_at', '<', window.to)
			.orderBy('visit_item.start_at')
			.orderBy('visit_item.id')
			.limit(limit)
			.execute()
	);
}

export type LogisticsOfPersonRow = Awaited<ReturnType<typeof listLogisticsOfPerson>>[number];
