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

/** Bound parameters per statement: under SQLite's 32 766 and PostgreSQL's 65 535. */
const MAX_PARAMETERS = 30_000;
/** Rows per statement at most: beyond this a longer statement saves nothing. */
const MAX_ROWS = 1_000;

const statementText = new Map<string, string>();

/** `insert into table (columns) values (…), (…)` for `rows` rows, on the engine's placeholders. */
function insertText(pg: boolean, table: string, columns: readonly string[], rows: number): string {
	const key = `${pg}|${table}|${columns.join(',')}|${rows}`;
	let text = statementText.get(key);
	if (text) return text;
	const width = columns.length;
	const tuples: string[] = [];
	for (let r = 0; r < rows; r++) {
		const marks: string[] = [];
		for (let c = 0; c < width; c++) marks.push(pg ? `$${r * width + c + 1}` : '?');
		tuples.push(`(${marks.join(',')})`);
	}
	text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(',')}) values ${tuples.join(',')}`;
	statementText.set(key, text);
	return text;
}

/** Inserts rows, each its values in the order of `columns`, as few statements as the limits allow. */
export async function insertRows(
	db: Db,
	table: TableName,
	columns: readonly string[],
	rows: readonly (readonly Value[])[]
): Promise<void> {
	if (rows.length === 0) return;
	const pg = isPostgres(db);
	const perStatement = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS / columns.length)));
	for (let start = 0; start < rows.length; start += perStatement) {
		const slice = rows.slice(start, start + perStatement);
		const parameters: Value[] = [];
		for (const row of slice) for (const value of row) parameters.push(value);
		await db.executeQuery(CompiledQuery.raw(insertText(pg, table, columns, slice.length), parameters));
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

/**
 * SQLite, for the length of a load into a database nobody else has open: no fsync per commit and the
 * rollback journal in memory (new pages need no journal, so it stays small), with a large page cache.
 * Returns the settings to put back.
 */
export async function relaxSqliteDurability(db: Db): Promise<{ journalMode: string; synchronous: number }> {
	const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
	const synchronous = await sql<{ synchronous: number }>`pragma synchronous`.execute(db);
	await sql`pragma synchronous = off`.execute(db);
	await sql`pragma journal_mode = memory`.execute(db);
	await sql`pragma cache_size = -262144`.execute(db);
	await sql`pragma temp_store = memory`.execute(db);
	return {
		journalMode: journal.rows[0]?.journal_mode ?? 'wal',
		synchronous: synchronous.rows[0]?.synchronous ?? 2
	};
}

export async function restoreSqliteDurability(db: Db, saved: { journalMode: string; synchronous: number }) {
	await sql`pragma journal_mode = ${sql.raw(saved.journalMode.replace(/\W/g, ''))}`.execute(db);
	await sql`pragma synchronous = ${sql.raw(String(Number(saved.synchronous)))}`.execute(db);
	await sql`pragma cache_size = -2000`.execute(db);
}

/**
 * Empties the lists of records whose search documents and dossier entries wait to be written: the
 * generator writes both itself, alongside the records, so that nothing is left for a refresh.
 */
export async function clearPendingNotes(db: Db): Promise<void> {
	await db.deleteFrom('search_pending').execute();
	await db.deleteFrom('dossier_pending').execute();
}

/** Tables whose ids the generator gives itself, so that PostgreSQL's identity must be moved past them. */
export async function moveIdentitiesPastRows(db: Db, tables: readonly TableName[]): Promise<void> {
	if (!isPostgres(db)) return; // SQLite's AUTOINCREMENT follows the largest id written by itself.
	for (const table of tables) {
		await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce(max(id), 0) + 1, false)
			from ${sql.table(table)}`.execute(db);
	}
}

/** Statistics for the planner after a load: ANALYZE, and SQLite's own recommendation on top. */
export async function analyzeAfterLoad(db: Db): Promise<void> {
	if (isPostgres(db)) {
		await sql`analyze`.execute(db);
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
