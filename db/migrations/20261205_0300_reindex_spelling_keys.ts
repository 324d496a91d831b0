import { sql, type Kysely } from 'kysely';

/**
 * Search documents now carry the spelling key of every word beside it (src/lib/server/search/search.text.ts),
 * so that a name is found in Latin and in Cyrillic alike. Every searchable record waits for its document to
 * be written again; the next search (or the server's start) writes them. Nothing to undo: documents
 * written again by the older code are what they were.
 */
const SEARCHED = ['event', 'person', 'organization', 'outcome', 'correspondence'] as const;

export async function up(db: Kysely<any>): Promise<void> {
	for (const table of SEARCHED) {
		await db
			.insertInto('search_pending')
			.columns(['entity_type', 'entity_id'])
			.expression(
				db
					.selectFrom(table)
					.select([sql.lit(table).as('entity_type'), 'id'])
					// SQLite reads ON CONFLICT after a SELECT without WHERE as part of a join.
					.where(sql<boolean>`true`)
			)
			.onConflict((oc) => oc.doNothing())
			.execute();
	}
}

export async function down(): Promise<void> {}
