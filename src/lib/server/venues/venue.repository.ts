/** Queries over venues. Kysely only: no rules, no HTTP. */
import type { Kysely, Updateable } from 'kysely';
import { sortKey } from '../../format/collation';
import { pageByKeyset } from '../db/keyset';
import type { Database, NewVenue, VenueTable } from '../db/schema';
import type { PageRequest } from '../pagination';

export async function findVenue(db: Kysely<Database>, venueId: number) {
	const row = await db
		.selectFrom('venue')
		.select(['id', 'name', 'city', 'time_zone'])
		.where('id', '=', venueId)
		.executeTakeFirst();
	return row ?? null;
}

/** The directory's order is written with the name. */
function withSortKey<T extends { name?: string }>(values: T) {
	return values.name === undefined ? values : { ...values, sort_key: sortKey(values.name) };
}

export async function insertVenue(db: Kysely<Database>, venue: NewVenue) {
	return db.insertInto('venue').values(withSortKey(venue)).returningAll().executeTakeFirstOrThrow();
}

/**
 * One page of venues in keyset order of (sort_key, id), alphabetically by name (format/collation.ts),
 * along venue_sort_idx, with how many events each has held or will hold,
 * counted in the same query. Fetches limit + 1 rows.
 */
export async function listVenues(db: Kysely<Database>, page: PageRequest) {
	const query = db.selectFrom('venue').select((eb) => [
		'venue.id',
		'venue.name',
		'venue.address',
		'venue.city',
		'venue.country_code',
		'venue.time_zone',
		'venue.sort_key',
		eb
			.selectFrom('event')
			.select((e) => e.fn.countAll<number>().as('n'))
			.whereRef('event.venue_id', '=', 'venue.id')
			.as('event_count')
	]);
	return pageByKeyset(query, page, { key: ['venue.sort_key', 'venue.id'], order: 'asc' }).execute();
}

export async function findVenueRow(db: Kysely<Database>, venueId: number) {
	const row = await db.selectFrom('venue').selectAll().where('id', '=', venueId).executeTakeFirst();
	return row ?? null;
}

export async function updateVenueRow(
	db: Kysely<Database>,
	venueId: number,
	expectedVersion: number,
	values: Updateable<VenueTable>
): Promise<boolean> {
	const result = await db
		.updateTable('venue')
		.set((eb) => ({ ...withSortKey(values), version: eb('version', '+', 1) }))
		.where('id', '=', venueId)
		.where('version', '=', expectedVersion)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}
