/** What the demo loader asks of the database before it loads. Kysely only. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** Whether the table holds any row (reads one at most). */
export async function hasRows(db: Kysely<Database>, table: 'event' | 'organization'): Promise<boolean> {
	const row = await db.selectFrom(table).select('id').limit(1).executeTakeFirst();
	return row !== undefined;
}
