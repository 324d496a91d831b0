/**
 * The demo data's records a test against the built server starts from, found by what the seeds call
 * them: a person by family name, an event by title, an organisation by acronym.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';

export async function demoPersonId(db: Kysely<Database>, familyName: string): Promise<number> {
	const row = await db
		.selectFrom('person')
		.select('id')
		.where('family_name', '=', familyName)
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function demoEventId(db: Kysely<Database>, title: string): Promise<number> {
	const row = await db.selectFrom('event').select('id').where('title', '=', title).executeTakeFirstOrThrow();
	return row.id;
}

export async function demoOrganizationId(db: Kysely<Database>, acronym: string): Promise<number> {
	const row = await db
		.selectFrom('organization')
		.select('id')
		.where('acronym', '=', acronym)
		.executeTakeFirstOrThrow();
	return row.id;
}
