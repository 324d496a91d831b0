import type { Kysely } from 'kysely';
import { flag } from '../schema-kit';

/**
 * An event that takes whole days (an observance, a council session of 5–8 December): 1 when it does.
 * Its start_at is then local midnight of its first day in its time_zone and its end_at local midnight of
 * the day after its last day (the end exclusive, as iCalendar's DTEND;VALUE=DATE), stored in UTC as every
 * instant is; pages show its dates, not times, and calendars receive DTSTART;VALUE=DATE.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('event')
		.addColumn('all_day', 'integer', (c) => c.notNull().defaultTo(0).check(flag('all_day')))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('event').dropColumn('all_day').execute();
}
