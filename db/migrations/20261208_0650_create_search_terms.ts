import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../schema-kit';

/**
 * SQLite: the distinct terms of the search index with the number of documents holding each
 * (search_term), kept by triggers on search_document beside the FTS5 index's own. A word is searched as
 * a prefix, and FTS5 merges the whole document list of every term a prefix begins before it gives the
 * first row (about 7 ms for "migration" at a million events); with this list the search reads a long
 * prefix as an OR of the few terms it begins, each read incrementally and stopped at the window
 * (search/search.repository.ts). search_document_vocab, FTS5's own term list, is what the list is built
 * from here and after a bulk load (db/generate), where the triggers are off.
 *
 * PostgreSQL has none of this: its GIN index reads a prefix's entries as one range of the index.
 */
const termsOf = (row: 'new' | 'old') =>
	sql.raw(`select distinct value as term from json_each('["' ||
		replace(trim(${row}.title_terms || ' ' || ${row}.body_terms), ' ', '","') || '"]') where value <> ''`);

export async function up(db: Kysely<any>): Promise<void> {
	if (isPostgres(db)) return;
	await sql`create table search_term (
		term text primary key,
		documents integer not null
	) without rowid`.execute(db);
	await sql`create virtual table search_document_vocab using fts5vocab(search_document_fts, 'row')`.execute(
		db
	);
	await sql`insert into search_term (term, documents) select term, doc from search_document_vocab`.execute(
		db
	);
	// Terms hold letters and digits only (search.text.ts), so they are safe inside a JSON string.
	const add = sql`insert into search_term (term, documents) select term, 1 from (${termsOf('new')}) where true
		on conflict (term) do update set documents = documents + 1;`;
	const remove = sql`update search_term set documents = documents - 1 where term in (${termsOf('old')});
		delete from search_term where documents <= 0 and term in (${termsOf('old')});`;
	// The WHERE: SQLite would read the upsert's ON CONFLICT after a bare SELECT as part of a join.
	await sql`create trigger search_term_insert after insert on search_document begin ${add} end`.execute(db);
	await sql`create trigger search_term_delete after delete on search_document begin ${remove} end`.execute(
		db
	);
	await sql`create trigger search_term_update after update of title_terms, body_terms on search_document
		begin ${remove} ${add} end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	if (isPostgres(db)) return;
	for (const trigger of ['search_term_insert', 'search_term_delete', 'search_term_update']) {
		await sql`drop trigger ${sql.id(trigger)}`.execute(db);
	}
	await sql`drop table search_document_vocab`.execute(db);
	await sql`drop table search_term`.execute(db);
}
