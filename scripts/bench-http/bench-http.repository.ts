/**
 * What `npm run bench:http` looks up in the database it loads, to know which pages to ask for: the
 * records that make a page heavy (most agenda items, most engagements, most sub-organisations), a cursor
 * deep in the past, and a sample of titles to pick search words from. Run once before the load, on
 * either engine; not fast on a million events, not meant to be.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/lib/server/db/schema';

/** The event with the most agenda items (ties: the lowest id). */
export async function findEventWithLongestAgenda(db: Kysely<Database>) {
	return db
		.selectFrom('agenda_item')
		.select(['event_id', (eb) => eb.fn.countAll<number>().as('items')])
		.groupBy('event_id')
		.orderBy('items', 'desc')
		.orderBy('event_id')
		.limit(1)
		.executeTakeFirst();
}

/** The person with the most engagements. */
export async function findBusiestPerson(db: Kysely<Database>) {
	return db
		.selectFrom('event_participant')
		.select(['person_id', (eb) => eb.fn.countAll<number>().as('events')])
		.groupBy('person_id')
		.orderBy('events', 'desc')
		.orderBy('person_id')
		.limit(1)
		.executeTakeFirst();
}

/** The organisation with the most sub-organisations: an umbrella, whose dossier is the largest. */
export async function findUmbrellaOrganization(db: Kysely<Database>) {
	const umbrella = await db
		.selectFrom('organization')
		.select(['parent_id', (eb) => eb.fn.countAll<number>().as('children')])
		.where('parent_id', 'is not', null)
		.groupBy('parent_id')
		.orderBy('children', 'desc')
		.orderBy('parent_id')
		.limit(1)
		.executeTakeFirst();
	if (umbrella?.parent_id) return { organization_id: umbrella.parent_id, children: umbrella.children };
	const any = await db.selectFrom('organization').select('id').orderBy('id').limit(1).executeTakeFirst();
	return any ? { organization_id: any.id, children: 0 } : undefined;
}

export async function countEvents(db: Kysely<Database>): Promise<number> {
	const row = await db
		.selectFrom('event')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** The sort key (start, id) of the event `offset` places from the oldest. */
export async function findEventKeyAt(db: Kysely<Database>, offset: number) {
	return db
		.selectFrom('event')
		.select(['start_at', 'id'])
		.orderBy('start_at')
		.orderBy('id')
		.limit(1)
		.offset(offset)
		.executeTakeFirst();
}

/** Titles of the first events, to pick a common and a rare search word from. */
export async function listSampleTitles(db: Kysely<Database>, limit: number): Promise<string[]> {
	const rows = await db.selectFrom('event').select('title').orderBy('id').limit(limit).execute();
	return rows.map((row) => row.title);
}
