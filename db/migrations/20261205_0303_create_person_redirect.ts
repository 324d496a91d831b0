import type { Kysely } from 'kysely';
import { columnTypes } from '../schema-kit';

/**
 * Where a person merged into another now is: their record is gone, everything that named them names the
 * one kept (src/lib/server/people/person-merge.service.ts), and their old address leads there.
 */
export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(db);
	await db.schema
		.createTable('person_redirect')
		// The id the merged person had: nothing else refers to it any more.
		.addColumn('merged_person_id', 'integer', (c) => c.primaryKey())
		// The one kept; a later merge of that one moves this along. Gone with them when they are deleted.
		.addColumn('person_id', 'integer', (c) => c.notNull().references('person.id').onDelete('cascade'))
		// The merged person's name as it was, for the kept person's page ("also recorded as").
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('merged_at', t.instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('person_redirect_person_idx')
		.on('person_redirect')
		.column('person_id')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('person_redirect').execute();
}
