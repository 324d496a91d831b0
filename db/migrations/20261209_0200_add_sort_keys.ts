import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../schema-kit';

/**
 * The directories of people, organisations and venues in alphabetical order as Azerbaijani has it
 * (c < ç, h < x < ı < i, k < q; Cyrillic after Latin), on both engines and through an index: a stored
 * key that sorts byte by byte, replacing the indexes on the names themselves, which sort as each
 * engine's collation happens to (SQLite: by code point, so "Çələbi" after "Zeynalov").
 */
const KEYED = ['person', 'organization', 'venue'] as const;

export async function up(db: Kysely<any>): Promise<void> {
	for (const table of KEYED) {
		await db.schema
			.alterTable(table)
			// sortKey in src/lib/format/collation.ts, of the family and given name (person) or the name,
			// written by the app with the names. Null until the app has written it (a row from before this
			// column, or written by another program): the server writes the missing ones when it starts.
			// Compared byte by byte: "C" on PostgreSQL, whatever the database's collation; SQLite's BINARY.
			.addColumn('sort_key', 'text', (col) => (isPostgres(db) ? col.modifyEnd(sql`collate "C"`) : col))
			.execute();
	}
	await db.schema.dropIndex('person_name_idx').execute();
	await db.schema.dropIndex('person_organization_order_idx').execute();
	await db.schema.dropIndex('organization_name_idx').execute();
	await db.schema.dropIndex('organization_parent_name_idx').execute();
	await db.schema.createIndex('person_sort_idx').on('person').columns(['sort_key', 'id']).execute();
	// The organisation page's people: the head first, then alphabetically.
	await sql`create index person_organization_sort_idx
		on person (organization_id, heads_organization desc, sort_key, id)`.execute(db);
	await db.schema
		.createIndex('organization_sort_idx')
		.on('organization')
		.columns(['sort_key', 'id'])
		.execute();
	await db.schema
		.createIndex('organization_parent_sort_idx')
		.on('organization')
		.columns(['parent_id', 'sort_key', 'id'])
		.execute();
	await db.schema.createIndex('venue_sort_idx').on('venue').columns(['sort_key', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('venue_sort_idx').execute();
	await db.schema.dropIndex('organization_parent_sort_idx').execute();
	await db.schema.dropIndex('organization_sort_idx').execute();
	await db.schema.dropIndex('person_organization_sort_idx').execute();
	await db.schema.dropIndex('person_sort_idx').execute();
	await db.schema
		.createIndex('organization_parent_name_idx')
		.on('organization')
		.columns(['parent_id', 'name', 'id'])
		.execute();
	await db.schema.createIndex('organization_name_idx').on('organization').column('name').execute();
	await sql`create index person_organization_order_idx
		on person (organization_id, heads_organization desc, family_name, given_name, id)`.execute(db);
	await db.schema
		.createIndex('person_name_idx')
		.on('person')
		.columns(['family_name', 'given_name'])
		.execute();
	for (const table of KEYED) await db.schema.alterTable(table).dropColumn('sort_key').execute();
}
