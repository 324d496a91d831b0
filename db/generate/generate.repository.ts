/**
 * The generator's bulk SQL: many rows a statement, ids given by the generator, and the few
 * engine-specific steps around a large load. Kysely only; the rows are plain arrays in column order,
 * so that a million of them cost no query building.
 */
import { CompiledQuery, PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database } from '../../src/lib/server/db/schema';

type Db = Kysely<Database>;
export type Value = string | number | null;
export type TableName = keyof Database;

function isPostgres(db: Db): boolean {
	return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Rows per SQLite statement: a statement of this many rows' placeholders, prepared once per table. */
const SQLITE_ROWS = 100;

/**
 * SQLite: `insert … values (?, …), (?, …), …` for SQLITE_ROWS rows at a time, and a one-row statement for
 * the rest. Each text is always the same for a table, so the connection prepares it once and keeps it
 * (its statement cache): a statement prepared per batch would compile into a program as large as its
 * rows, held in native memory until the garbage collector finalises it (gigabytes in a million-event
 * load). Binding the values directly costs less than a JSON parameter unnested by json_each, which
 * parses every row once per column (about 2.4 times the time).
 */
function insertText(table: string, columns: readonly string[], rows: number): string {
	const row = `(${columns.map(() => '?').join(',')})`;
	return `insert into "${table}" (${columns.map((c) => `"${c}"`).join(',')}) values ${Array(rows).fill(row).join(',')}`;
}

/** Inserts rows, each its values in the order of `columns`, many a statement. */
export async function insertRows(
	db: Db,
	table: TableName,
	columns: readonly string[],
	rows: readonly (readonly Value[])[]
): Promise<void> {
	if (rows.length === 0) return;
	if (isPostgres(db)) return insertColumns(db, table, columns, rows);
	const many = insertText(table, columns, SQLITE_ROWS);
	let start = 0;
	for (; start + SQLITE_ROWS <= rows.length; start += SQLITE_ROWS) {
		await db.executeQuery(CompiledQuery.raw(many, rows.slice(start, start + SQLITE_ROWS).flat()));
	}
	const one = insertText(table, columns, 1);
	for (; start < rows.length; start++) await db.executeQuery(CompiledQuery.raw(one, [...rows[start]!]));
}

/** PostgreSQL's type of each column of a table, for the arrays insertColumns sends. */
const columnTypes = new Map<string, Map<string, string>>();

async function columnTypesOf(db: Db, table: TableName): Promise<Map<string, string>> {
	let types = columnTypes.get(table);
	if (!types) {
		const { rows } = await sql<{ name: string; type: string }>`select column_name as name, udt_name as type
			from information_schema.columns where table_schema = current_schema() and table_name = ${table}`.execute(db);
		types = new Map(rows.map((row) => [row.name, row.type]));
		columnTypes.set(table, types);
	}
	return types;
}

/** Rows per statement on PostgreSQL, where a statement takes one array per column. */
const POSTGRES_ROWS = 10_000;

/**
 * PostgreSQL: one array per column, unnested into rows (`insert … select * from unnest($1::int4[], …)`):
 * a short statement whatever the number of rows, which the server parses and plans once per batch
 * where thousands of placeholders cost it more than the rows.
 */
async function insertColumns(
	db: Db,
	table: TableName,
	columns: readonly string[],
	rows: readonly (readonly Value[])[]
): Promise<void> {
	const types = await columnTypesOf(db, table);
	const arrays = columns.map((column, c) => {
		const type = types.get(column);
		if (!type) throw new Error(`${table} has no column ${column}`);
		return `$${c + 1}::${type}[]`;
	});
	const text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(',')}) select * from unnest(${arrays.join(',')})`;
	for (let start = 0; start < rows.length; start += POSTGRES_ROWS) {
		const slice = rows.slice(start, start + POSTGRES_ROWS);
		const parameters = columns.map((_, c) => slice.map((row) => row[c] ?? null));
		await db.executeQuery(CompiledQuery.raw(text, parameters));
	}
}

/** Those of `tables` that hold at least one row, with how many (counted up to a thousand). */
export async function listFilledTables(db: Db, tables: readonly TableName[]) {
	const filled: { table: TableName; rows: number }[] = [];
	for (const table of tables) {
		const { rows } = await sql<{ n: number | string }>`select count(*) as n from (
			select 1 from ${sql.table(table)} limit 1000) as sample`.execute(db);
		const n = Number(rows[0]?.n ?? 0);
		if (n > 0) filled.push({ table, rows: n });
	}
	return filled;
}

/** The page cache during the load, in KiB (negative: SQLite's way of saying KiB rather than pages). */
const LOAD_CACHE_KIB = -262_144;

/**
 * The page cache while the indexes are built. SQLite's sorter sorts runs the size of the page cache:
 * a run in memory is handed to a worker thread to sort and write out while the table is read on, and
 * the runs are merged in threads too. With the load's 256 MiB, an index of a 100 000-event load fits in
 * one run, sorted by the one thread; with 32 MiB the two cores share the sorting (at 100 000 events the
 * dossier's five indexes took 4.2 s of CPU on one thread, and about as much CPU spread over two threads
 * with 16 MiB, 2 s of it on the main one).
 */
const SORT_CACHE_KIB = -32_768;

/** FTS5's in-memory hash of new terms, in bytes: its default, and what a bulk load uses. */
const FTS_DEFAULT_HASH_BYTES = 1_048_576;
const FTS_LOAD_HASH_BYTES = 67_108_864;
/** The trigger that keeps the full-text index, left on during a load. */
const FTS_INSERT_TRIGGER = 'search_document_fts_insert';

export interface SqliteSettings {
	journalMode: string;
	synchronous: number;
	foreignKeys: number;
}

/**
 * SQLite, for the length of a load into a database nobody else has open: no fsync, a rollback journal
 * in place of the WAL (a load into new pages journals next to nothing, where the WAL would hold every
 * page twice), a large page cache, and foreign keys checked once at the end rather than row by row.
 * Outside a transaction: SQLite ignores these pragmas inside one. Returns the settings to put back.
 */
export async function relaxSqliteDurability(db: Db): Promise<SqliteSettings> {
	const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
	const synchronous = await sql<{ synchronous: number }>`pragma synchronous`.execute(db);
	const foreignKeys = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
	await sql`pragma synchronous = off`.execute(db);
	await sql`pragma journal_mode = truncate`.execute(db);
	await sql`pragma cache_size = ${sql.raw(String(LOAD_CACHE_KIB))}`.execute(db);
	// Building the indexes at the end sorts in worker threads (SORT_CACHE_KIB says how). Not with
	// temp_store = memory: SQLite's sorter then keeps to the one thread.
	await sql`pragma threads = 2`.execute(db);
	// Checked once at the end (findDanglingReferences), in the same transaction, rather than row by row.
	await sql`pragma foreign_keys = off`.execute(db);
	return {
		journalMode: journal.rows[0]?.journal_mode ?? 'wal',
		synchronous: synchronous.rows[0]?.synchronous ?? 2,
		foreignKeys: foreignKeys.rows[0]?.foreign_keys ?? 1
	};
}

/**
 * SQLite: the first references that lead nowhere (PRAGMA foreign_key_check), for a load that wrote
 * with foreign keys off to refuse to commit. PostgreSQL checked every row as it was written.
 */
export async function findDanglingReferences(db: Db): Promise<unknown[]> {
	if (isPostgres(db)) return [];
	const { rows } = await sql`pragma foreign_key_check`.execute(db);
	return rows.slice(0, 5);
}

export async function restoreSqliteDurability(db: Db, saved: SqliteSettings) {
	await sql`pragma journal_mode = ${sql.raw(saved.journalMode.replace(/\W/g, ''))}`.execute(db);
	await sql`pragma synchronous = ${sql.raw(String(Number(saved.synchronous)))}`.execute(db);
	await sql`pragma cache_size = -2000`.execute(db);
	await sql`pragma foreign_keys = ${sql.raw(String(Number(saved.foreignKeys)))}`.execute(db);
}

/** What a load sets aside: the statements that put it back, in order. */
export interface SetAside {
	statements: string[];
}

/**
 * Inside the load's transaction: drops the plain (not unique) indexes of `tables`, to be built once
 * from all rows at the end rather than kept row by row, and switches off the triggers that note changes
 * for the search index and the dossiers, whose rows the generator writes itself. SQLite has no switch:
 * its triggers are dropped and made again from their own text. PostgreSQL's foreign keys are dropped
 * too and added again at the end, which checks every row at once (SQLite's are checked at the end by
 * findDanglingReferences); unique keys and checks stay on throughout. SQLite's full-text index is the
 * exception: its trigger stays on and keeps it as the search documents go in.
 */
export async function setAsideIndexesAndTriggers(db: Db, tables: readonly TableName[]): Promise<SetAside> {
	const names = sql.join(tables.map((t) => sql.lit(t)));
	const statements: string[] = [];
	if (isPostgres(db)) {
		const keys = await sql<{ table: string; name: string; definition: string }>`select t.relname as table,
			c.conname as name, pg_get_constraintdef(c.oid) as definition
			from pg_constraint c join pg_class t on t.oid = c.conrelid
			where c.contype = 'f' and c.connamespace = current_schema()::regnamespace and t.relname in (${names})
			order by c.conname`.execute(db);
		const indexes = await sql<{ name: string; definition: string }>`select indexname as name,
			indexdef as definition from pg_indexes where schemaname = current_schema() and tablename in (${names})
			and indexdef not like 'CREATE UNIQUE%' order by indexname`.execute(db);
		for (const key of keys.rows) {
			await sql`alter table ${sql.table(key.table)} drop constraint ${sql.id(key.name)}`.execute(db);
		}
		for (const index of indexes.rows) await sql`drop index ${sql.id(index.name)}`.execute(db);
		for (const table of tables) await sql`alter table ${sql.table(table)} disable trigger user`.execute(db);
		statements.push(...indexes.rows.map((index) => index.definition));
		statements.push(
			...keys.rows.map((key) => `alter table "${key.table}" add constraint "${key.name}" ${key.definition}`)
		);
		statements.push(...tables.map((table) => `alter table "${table}" enable trigger user`));
		return { statements };
	}
	const { rows } = await sql<{ type: string; name: string; sql: string }>`select type, name, sql
		from sqlite_master where tbl_name in (${names}) and sql is not null
		and ((type = 'index' and sql not like 'CREATE UNIQUE%') or type = 'trigger')
		and name <> ${FTS_INSERT_TRIGGER}
		order by type, name`.execute(db);
	for (const row of rows) {
		await sql`drop ${sql.raw(row.type === 'index' ? 'index' : 'trigger')} ${sql.id(row.name)}`.execute(db);
	}
	statements.push(
		`pragma cache_size = ${SORT_CACHE_KIB}`,
		...rows.filter((row) => row.type === 'index').map((row) => row.sql),
		`pragma cache_size = ${LOAD_CACHE_KIB}`,
		...rows.filter((row) => row.type !== 'index').map((row) => row.sql)
	);
	// The full-text index is kept as the rows go in, by its own trigger, with a larger in-memory hash
	// than FTS5's default 1 MiB: it flushes a few large segments rather than hundreds of small ones to be
	// merged (rebuilt at the end at 100 000 events: 0.9 s of CPU instead of 1.4 s). Kept during the load
	// rather than rebuilt after it, it is made on the main thread while the worker thread makes the next
	// rows (the slower of the two), not after everything. The default is put back for the app's writes.
	await sql`insert into search_document_fts (search_document_fts, rank)
		values ('hashsize', ${sql.lit(FTS_LOAD_HASH_BYTES)})`.execute(db);
	statements.push(
		`insert into search_document_fts (search_document_fts, rank) values ('hashsize', ${FTS_DEFAULT_HASH_BYTES})`
	);
	// The term list's triggers were off (migration 20261208_0650): it is read from the full-text index.
	statements.push(
		'delete from search_term',
		'insert into search_term (term, documents) select term, doc from search_document_vocab'
	);
	return { statements };
}

/** Builds the indexes and keys again and switches the triggers back on. */
export async function restoreIndexesAndTriggers(db: Db, saved: SetAside): Promise<void> {
	for (const statement of saved.statements) await sql.raw(statement).execute(db);
}

/** Tables whose ids the generator gives itself, so that PostgreSQL's identity must be moved past them. */
export async function moveIdentitiesPastRows(db: Db, tables: readonly TableName[]): Promise<void> {
	if (!isPostgres(db)) return; // SQLite's AUTOINCREMENT follows the largest id written by itself.
	for (const table of tables) {
		await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce(max(id), 0) + 1, false)
			from ${sql.table(table)}`.execute(db);
	}
}

/**
 * Statistics for the planner after a load: on PostgreSQL VACUUM (ANALYZE) — the vacuum sets the
 * visibility map of the new pages, without which an index-only scan reads the table's rows all the same
 * and the planner prefers a sequential scan (a dossier's counts at a million events: 1.9 s reading
 * 9.3 M entries, against 0.9 s from the index alone); SQLite's ANALYZE and its own recommendation.
 */
export async function analyzeAfterLoad(db: Db, tables: readonly TableName[]): Promise<void> {
	if (isPostgres(db)) {
		// Outside the load's transaction, as VACUUM must be; the loaded tables only, not every schema's.
		await sql`vacuum (analyze) ${sql.join(tables.map((table) => sql.table(table)))}`.execute(db);
		return;
	}
	// A sample per index, as `pragma optimize` would take: a full ANALYZE reads every row of 3 GB.
	await sql`pragma analysis_limit = 1000`.execute(db);
	await sql`analyze`.execute(db);
	await sql`pragma optimize`.execute(db);
}

/** The size of the database on disk, in bytes, as the engine counts it. */
export async function findDatabaseSize(db: Db): Promise<number> {
	if (isPostgres(db)) {
		const { rows } = await sql<{ size: string }>`select sum(pg_total_relation_size(c.oid))::bigint as size
			from pg_class c join pg_namespace n on n.oid = c.relnamespace
			where n.nspname = current_schema() and c.relkind = 'r'`.execute(db);
		return Number(rows[0]?.size ?? 0);
	}
	const { rows } = await sql<{ size: number }>`select page_count * page_size as size
		from pragma_page_count(), pragma_page_size()`.execute(db);
	return Number(rows[0]?.size ?? 0);
}

/** Row counts of the given tables. */
export async function countRowsOf(db: Db, tables: readonly TableName[]): Promise<Record<string, number>> {
	const counts: Record<string, number> = {};
	for (const table of tables) {
		const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(
			db
		);
		counts[table] = Number(rows[0]?.n ?? 0);
	}
	return counts;
}
