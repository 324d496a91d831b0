/**
 * Queries over people's posts over time, and over the copies of them each participation keeps. Kysely
 * only: no rules, no HTTP.
 */
import type { Kysely } from 'kysely';
import type { Database, IsoDate, NewPersonPosition, PersonPositionUpdate } from '../db/schema';
import { organizationRefColumns } from '../organizations/organization.ref';

/** More posts than anyone holds in a working life: a bound, not a page. */
const MAX_POSITIONS = 200;

/** A person's posts with their organisation, in the order they were entered (the view sorts them). */
export async function listPositionsOfPerson(db: Kysely<Database>, personId: number) {
	return db
		.selectFrom('person_position as pp')
		.leftJoin('organization as o', 'o.id', 'pp.organization_id')
		.select([
			'pp.id',
			'pp.person_id',
			'pp.position',
			'pp.position_locale',
			'pp.position_az',
			'pp.position_en',
			'pp.position_ru',
			'pp.rank',
			'pp.from_on',
			'pp.to_on',
			'pp.notes',
			'pp.version',
			...organizationRefColumns('o', 'organization')
		])
		.where('pp.person_id', '=', personId)
		.orderBy('pp.id')
		.limit(MAX_POSITIONS)
		.execute();
}

export type PositionRow = Awaited<ReturnType<typeof listPositionsOfPerson>>[number];

/** The posts these people held on a date (from_on and to_on included; a null end is open). */
export async function listPositionsHeldOn(db: Kysely<Database>, personIds: number[], date: IsoDate) {
	if (personIds.length === 0) return [];
	return db
		.selectFrom('person_position')
		.select(['id', 'person_id', 'position', 'rank', 'organization_id', 'from_on', 'to_on'])
		.where('person_id', 'in', personIds)
		.where((eb) => eb.or([eb('from_on', 'is', null), eb('from_on', '<=', date)]))
		.where((eb) => eb.or([eb('to_on', 'is', null), eb('to_on', '>=', date)]))
		.execute();
}

/** Every post of these people, for matching each of their events to the post held on its date. */
export async function listPositionsOfPeople(db: Kysely<Database>, personIds: number[]) {
	if (personIds.length === 0) return [];
	return db
		.selectFrom('person_position')
		.select(['id', 'person_id', 'position', 'rank', 'organization_id', 'from_on', 'to_on'])
		.where('person_id', 'in', personIds)
		.execute();
}

export type HeldPositionRow = Awaited<ReturnType<typeof listPositionsOfPeople>>[number];

/** One post, or null. */
export async function findPosition(db: Kysely<Database>, positionId: number) {
	const row = await db
		.selectFrom('person_position')
		.selectAll()
		.where('id', '=', positionId)
		.executeTakeFirst();
	return row ?? null;
}

export async function insertPosition(db: Kysely<Database>, values: NewPersonPosition) {
	return db.insertInto('person_position').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Writes the post if still at the version the officer saw; false when someone saved in between. */
export async function updatePositionRow(
	db: Kysely<Database>,
	positionId: number,
	expectedVersion: number,
	values: PersonPositionUpdate
): Promise<boolean> {
	const result = await db
		.updateTable('person_position')
		.set((eb) => ({ ...values, version: eb('version', '+', 1) }))
		.where('id', '=', positionId)
		.where('version', '=', expectedVersion)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

export async function deletePosition(db: Kysely<Database>, positionId: number) {
	await db.deleteFrom('person_position').where('id', '=', positionId).execute();
}

/** Participations by their person, their event or their own id: any of them. */
export interface ParticipationScope {
	personIds?: number[];
	eventIds?: number[];
	participantIds?: number[];
}

/**
 * The participations in scope, with the date each event is held (its start and zone) and the post the
 * participation keeps.
 */
export async function listParticipationPosts(db: Kysely<Database>, scope: ParticipationScope) {
	const { personIds = [], eventIds = [], participantIds = [] } = scope;
	if (personIds.length === 0 && eventIds.length === 0 && participantIds.length === 0) return [];
	return db
		.selectFrom('event_participant as p')
		.innerJoin('event', 'event.id', 'p.event_id')
		.select([
			'p.id',
			'p.event_id',
			'p.person_id',
			'p.position_at_event',
			'p.rank_at_event',
			'p.organization_id',
			'event.start_at',
			'event.time_zone'
		])
		.where((eb) =>
			eb.or([
				...(personIds.length > 0 ? [eb('p.person_id', 'in', personIds)] : []),
				...(eventIds.length > 0 ? [eb('p.event_id', 'in', eventIds)] : []),
				...(participantIds.length > 0 ? [eb('p.id', 'in', participantIds)] : [])
			])
		)
		.execute();
}

export type ParticipationPostRow = Awaited<ReturnType<typeof listParticipationPosts>>[number];

/** Gives these participations one post: the title, rank and organisation they keep for their event. */
export async function updateParticipationPosts(
	db: Kysely<Database>,
	participantIds: number[],
	post: { position_at_event: string; rank_at_event: string | null; organization_id: number | null },
	now: string
) {
	if (participantIds.length === 0) return;
	await db
		.updateTable('event_participant')
		.set({ ...post, updated_at: now })
		.where('id', 'in', participantIds)
		.execute();
}
