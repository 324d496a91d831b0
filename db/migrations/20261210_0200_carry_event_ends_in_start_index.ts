import type { Kysely } from 'kysely';

/**
 * The start index carries each event's end and all-day flag. A calendar day reads the events that start
 * in the seven days before it, to find those still running on it (calendar.repository.ts): at a million
 * events that is about 600 events passed over for every day of a month, each looked up in the table for
 * its end. From the index alone a month's two statements took 2.7 and 3.5 ms instead of 9 and 14 ms on
 * the generated million events. The order (start, id) that the lists' keysets read is unchanged.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('event_start_idx').execute();
	await db.schema
		.createIndex('event_start_idx')
		.on('event')
		.columns(['start_at', 'id', 'end_at', 'all_day'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('event_start_idx').execute();
	await db.schema.createIndex('event_start_idx').on('event').columns(['start_at', 'id']).execute();
}
