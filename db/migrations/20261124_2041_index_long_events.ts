import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../schema-kit';

/**
 * The calendar asks for the events that overlap a month or a week. Those that start inside it, or in
 * the seven days before it, are one range of event_start_idx. An event that started earlier and is still
 * running lasts more than seven days: this partial index holds only such long events (a conference, a
 * course, a period the sources give no dates within), so finding them costs what there are of them,
 * not the length of the office's history. The same condition is spelled in
 * src/lib/server/calendar/calendar.repository.ts, where the planners must recognise it.
 */
export async function up(db: Kysely<any>): Promise<void> {
	const long = isPostgres(db)
		? sql<boolean>`end_at - start_at > interval '7 days'`
		: sql<boolean>`julianday(end_at) - julianday(start_at) > 7`;
	await db.schema.createIndex('event_long_idx').on('event').column('start_at').where(long).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('event_long_idx').execute();
}
