import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../schema-kit';

/**
 * PostgreSQL: statistics on an event's length (end_at - start_at), the expression of the long events'
 * partial index (event_long_idx, migration 20261124_2041) that the calendar and the upcoming list read
 * for the events begun before their range. Without them the planner guessed a third of a percent of
 * all events for "longer than seven days" — 59 407 of a million generated events, where none was — and
 * planned the calendar month as a parallel sort of that many (60 ms against 21 ms, measured at a
 * million events, docs/performance.md). SQLite plans these from the index alone.
 */
export async function up(db: Kysely<any>): Promise<void> {
	if (!isPostgres(db)) return;
	await sql`create statistics if not exists event_length_stats on ((end_at - start_at)) from event`.execute(
		db
	);
	// Gathered now rather than at autovacuum's next pass over the table.
	await sql`analyze event`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	if (!isPostgres(db)) return;
	await sql`drop statistics if exists event_length_stats`.execute(db);
}
