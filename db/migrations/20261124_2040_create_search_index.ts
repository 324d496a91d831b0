import { sql, type Kysely } from 'kysely';
import { idColumn, isPostgres } from '../schema-kit';

/**
 * The search index (src/lib/server/search/). Triggers on the searched tables note every insert, update
 * and delete in search_pending, the same on both engines and whoever writes; the search service turns
 * what is pending into search_document rows (text folded without diacritics by the app, so both engines
 * match alike) before it answers. SQLite looks documents up through an FTS5 index, PostgreSQL through a
 * tsvector column with a GIN index.
 */
const SEARCHED = ['event', 'person', 'organization', 'outcome', 'correspondence'] as const;

export async function up(db: Kysely<any>): Promise<void> {
	const pg = isPostgres(db);

	// A record whose document must be written again (or removed, when the record is gone).
	await db.schema
		.createTable('search_pending')
		.addColumn('entity_type', 'text', (c) => c.notNull())
		.addColumn('entity_id', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('search_pending_pk', ['entity_type', 'entity_id'])
		.execute();

	await db.schema
		.createTable('search_document')
		.addColumn('id', 'integer', idColumn(db))
		// The table the record lives in, and its id there.
		.addColumn('entity_type', 'text', (c) => c.notNull())
		.addColumn('entity_id', 'integer', (c) => c.notNull())
		// What a result shows, as the record says it: the heading, one line under it, and longer text.
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('detail', 'text')
		.addColumn('body', 'text')
		// What is matched: lower case, without diacritics, words separated by single spaces.
		.addColumn('title_terms', 'text', (c) => c.notNull())
		.addColumn('body_terms', 'text', (c) => c.notNull())
		.addUniqueConstraint('search_document_entity_uq', ['entity_type', 'entity_id'])
		.execute();

	if (pg) {
		// 'simple': no stemming and no stop words, for names in any language. A title match weighs more.
		await sql`alter table search_document add column document tsvector generated always as (
			setweight(to_tsvector('simple', title_terms), 'A') || setweight(to_tsvector('simple', body_terms), 'B')
		) stored`.execute(db);
		await sql`create index search_document_gin_idx on search_document using gin (document)`.execute(db);
		// The schema it is made in stays its search path, whatever path the writer's session has.
		await sql`create function search_pending_note() returns trigger language plpgsql
			set search_path from current as $$
			begin
				if tg_op = 'DELETE' then
					insert into search_pending (entity_type, entity_id) values (tg_argv[0], old.id)
						on conflict do nothing;
					return old;
				end if;
				insert into search_pending (entity_type, entity_id) values (tg_argv[0], new.id)
					on conflict do nothing;
				return new;
			end
		$$`.execute(db);
		for (const table of SEARCHED) {
			await sql`create trigger ${sql.id(`${table}_search_note`)}
				after insert or update or delete on ${sql.table(table)}
				for each row execute function search_pending_note(${sql.lit(table)})`.execute(db);
		}
	} else {
		// External content: the index keeps only the terms and reads everything else from search_document.
		// Its rowid is search_document.id, an integer primary key, so VACUUM cannot renumber it.
		await sql`create virtual table search_document_fts using fts5(
			title_terms, body_terms,
			content = 'search_document', content_rowid = 'id',
			tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
		)`.execute(db);
		await sql`create trigger search_document_fts_insert after insert on search_document begin
			insert into search_document_fts (rowid, title_terms, body_terms)
				values (new.id, new.title_terms, new.body_terms);
		end`.execute(db);
		await sql`create trigger search_document_fts_delete after delete on search_document begin
			insert into search_document_fts (search_document_fts, rowid, title_terms, body_terms)
				values ('delete', old.id, old.title_terms, old.body_terms);
		end`.execute(db);
		await sql`create trigger search_document_fts_update after update on search_document begin
			insert into search_document_fts (search_document_fts, rowid, title_terms, body_terms)
				values ('delete', old.id, old.title_terms, old.body_terms);
			insert into search_document_fts (rowid, title_terms, body_terms)
				values (new.id, new.title_terms, new.body_terms);
		end`.execute(db);
		for (const table of SEARCHED) {
			for (const [when, row] of [
				['insert', 'new'],
				['update', 'new'],
				['delete', 'old']
			] as const) {
				await sql`create trigger ${sql.id(`${table}_search_note_${when}`)}
					after ${sql.raw(when)} on ${sql.table(table)} begin
						insert or ignore into search_pending (entity_type, entity_id)
							values (${sql.lit(table)}, ${sql.raw(row)}.id);
					end`.execute(db);
			}
		}
	}

	// Everything already recorded waits for its first document.
	for (const table of SEARCHED) {
		await db
			.insertInto('search_pending')
			.columns(['entity_type', 'entity_id'])
			.expression(db.selectFrom(table).select([sql.lit(table).as('entity_type'), 'id']))
			.execute();
	}
}

export async function down(db: Kysely<any>): Promise<void> {
	if (isPostgres(db)) {
		for (const table of SEARCHED) {
			await sql`drop trigger ${sql.id(`${table}_search_note`)} on ${sql.table(table)}`.execute(db);
		}
		await sql`drop function search_pending_note()`.execute(db);
	} else {
		for (const table of SEARCHED) {
			for (const when of ['insert', 'update', 'delete']) {
				await sql`drop trigger ${sql.id(`${table}_search_note_${when}`)}`.execute(db);
			}
		}
		await sql`drop table search_document_fts`.execute(db);
	}
	await db.schema.dropTable('search_document').execute();
	await db.schema.dropTable('search_pending').execute();
}
