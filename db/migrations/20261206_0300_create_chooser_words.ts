import { sql, type Kysely } from 'kysely';
import { addSearchNotes, dropSearchNotes, isPostgres } from '../schema-kit';

/**
 * What the forms' choosers find a record by as one types (src/lib/server/choosers/): each word of the
 * names of people, organisations, letters and venues, folded and with its spelling key, as the search
 * index folds them (search.text.ts `indexTerms`), written by the app beside the search documents. A
 * prefix of a word is a range of the primary key, so a chooser reads a few index entries whatever the size
 * of the directory. Venues get the search triggers so that their words are kept the same way.
 */
const CHOSEN = ['person', 'organization', 'correspondence', 'venue'] as const;

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('chooser_word')
		// The table the record lives in, and its id there.
		.addColumn('entity_type', 'text', (c) => c.notNull())
		// Compared byte by byte on both engines, so that a prefix is one range of the index (PostgreSQL's
		// locale collations do not order text by its bytes).
		.addColumn('word', 'text', (c) =>
			isPostgres(db) ? c.notNull().modifyFront(sql`collate "C"`) : c.notNull()
		)
		.addColumn('entity_id', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('chooser_word_pk', ['entity_type', 'word', 'entity_id'])
		.execute();
	// A record's words, to replace them when it changes and to check a second typed word.
	await db.schema
		.createIndex('chooser_word_entity_idx')
		.on('chooser_word')
		.columns(['entity_type', 'entity_id', 'word'])
		.execute();
	await addSearchNotes(db, 'venue');
	for (const table of CHOSEN) {
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

export async function down(db: Kysely<any>): Promise<void> {
	await dropSearchNotes(db, 'venue');
	await db.deleteFrom('search_pending').where('entity_type', '=', 'venue').execute();
	await db.schema.dropTable('chooser_word').execute();
}
