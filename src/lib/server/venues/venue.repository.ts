/** Queries over venues. Kysely only: no rules, no HTTP. */
import type { Kysely } from 'kysely';
import type { Database, NewVenue } from '../db/schema';

/** Every venue, for the event form's <select>, with the zone events there default to. */
export async function listVenueOptions(db: Kysely<Database>) {
	return db
		.selectFrom('venue')
		.select(['id', 'name', 'city', 'country_code', 'time_zone'])
		.orderBy('name')
		.orderBy('id')
		.execute();
}

export async function findVenue(db: Kysely<Database>, venueId: number) {
	return db
		.selectFrom('venue')
		.select(['id', 'name', 'city', 'time_zone'])
		.where('id', '=', venueId)
		.executeTakeFirst();
}

export async function insertVenue(db: Kysely<Database>, venue: NewVenue) {
	return db.insertInto('venue').values(venue).returningAll().executeTakeFirstOrThrow();
}
