/**
 * Time passing for the feeds' change journal (db/migrations/20261207_0300_create_feed_changes.ts): its
 * rows carry the database's clock, and a client's If-Modified-Since has whole seconds, so a test that
 * changes a feed right after reading it would otherwise do both within one second, as no client does
 * between two polls. Moving every noted change back is what a few seconds' wait would do.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';

export async function ageFeedChanges(db: Kysely<Database>, seconds = 10): Promise<void> {
	if (db.getExecutor().adapter instanceof PostgresAdapter) {
		await sql`update feed_change set changed_at = changed_at - make_interval(secs => ${seconds})`.execute(db);
	} else {
		await sql`update feed_change
			set changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', changed_at, ${`-${seconds} seconds`})`.execute(db);
	}
}
