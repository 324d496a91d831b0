/**
 * What a backup reads of a database and what a restore clears: the tables and their row counts, the
 * newest migration, the files the letters enclose, SQLite's integrity check and PostgreSQL's snapshot.
 */
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../db/connection';
import type { Database } from '../db/schema';

/**
 * Kysely's own bookkeeping, the feeds' journal of changes (its migration notes one) and whose turn the
 * scheduled backups are (written by any server with BACKUP_DIR as it starts): present in a database
 * that holds no data, so not what makes one hold data.
 */
const BOOKKEEPING_TABLES = new Set([
	'kysely_migration',
	'kysely_migration_lock',
	'feed_change',
	'scheduled_turn'
]);

/**
 * The ordinary tables of the database (on PostgreSQL, of `schema`), by name. SQLite's full-text index
 * (a virtual table and its shadow tables) is left out: it is rebuilt from search_document, not data.
 */
export async function listTables(db: Kysely<Database>, engine: Engine, schema = 'public'): Promise<string[]> {
	const { rows } =
		engine === 'sqlite'
			? await sql<{ name: string }>`select name from pragma_table_list
					where schema = 'main' and type = 'table' and name not like 'sqlite_%' order by name`.execute(db)
			: await sql<{ name: string }>`select table_name as name from information_schema.tables
					where table_schema = ${schema} and table_type = 'BASE TABLE' order by table_name`.execute(db);
	return rows.map((row) => row.name);
}

/** The number of rows in each table, in one query. */
export async function countRows(db: Kysely<Database>, tables: string[]): Promise<Record<string, number>> {
	if (tables.length === 0) return {};
	const counts = sql.join(
		tables.map((table) => sql`(select count(*) from ${sql.table(table)}) as ${sql.ref(table)}`)
	);
	const { rows } = await sql<Record<string, number>>`select ${counts}`.execute(db);
	return Object.fromEntries(tables.map((table) => [table, Number(rows[0]![table])]));
}

/** The tables, other than the migrations' bookkeeping, that hold at least one row. */
export async function countRowsOfDataTables(
	db: Kysely<Database>,
	engine: Engine,
	schema?: string
): Promise<Record<string, number>> {
	const tables = (await listTables(db, engine, schema)).filter((table) => !BOOKKEEPING_TABLES.has(table));
	const counts = await countRows(db, tables);
	return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
}

/** The newest migration applied, or null on a database never migrated. */
export async function findLatestMigration(db: Kysely<Database>): Promise<string | null> {
	const { rows } = await sql<{ name: string }>`select name from kysely_migration
		order by name desc limit 1`.execute(db);
	return rows[0]?.name ?? null;
}

/** Every content of the file store that a record holds (letters' files, gifts' photographs), by SHA-256, with its size. */
export async function listEnclosedContent(db: Kysely<Database>): Promise<{ sha256: string; size: number }[]> {
	const photos = db
		.selectFrom('gift')
		.select(['photo_sha256 as sha256', 'photo_size as size'])
		.where('photo_sha256', 'is not', null)
		.$narrowType<{ sha256: string; size: number }>();
	return db
		.selectFrom('correspondence_file')
		.select(['sha256', 'size'])
		.union(photos)
		.orderBy('sha256')
		.execute();
}

/** SQLite's `pragma integrity_check`: ['ok'] for a sound file, else what is wrong with it. */
export async function checkIntegrity(db: Kysely<Database>): Promise<string[]> {
	const { rows } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
	return rows.map((row) => row.integrity_check);
}

/**
 * PostgreSQL: names the snapshot of the transaction `tx` (begun REPEATABLE READ), so that pg_dump
 * (--snapshot) dumps exactly what the transaction sees while it stays open.
 */
export async function exportSnapshot(tx: Kysely<Database>): Promise<string> {
	const { rows } = await sql<{ snapshot: string }>`select pg_export_snapshot() as snapshot`.execute(tx);
	return rows[0]!.snapshot;
}

/** PostgreSQL: drops the schema with everything in it (restore --force), and makes it again, empty. */
export async function recreateSchema(db: Kysely<Database>, schema: string): Promise<void> {
	await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db);
	await sql`create schema ${sql.id(schema)}`.execute(db);
}

/** PostgreSQL: makes the schema when there is none of that name. */
export async function ensureSchema(db: Kysely<Database>, schema: string): Promise<void> {
	await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
}
