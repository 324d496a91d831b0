/**
 * Column helpers shared by the migrations. They hide the few places where SQLite and PostgreSQL spell a
 * column differently, so that every migration states the schema once for both engines.
 * Never import application code here: migrations must keep working as the app changes.
 */
import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

export function isPostgres(db: Kysely<any>): boolean {
	return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Column types per engine. Instants are ISO-8601 UTC text on SQLite and timestamptz on PostgreSQL. */
export function columnTypes(db: Kysely<any>) {
	const pg = isPostgres(db);
	return {
		instant: pg ? sql`timestamptz` : sql`text`,
		date: pg ? sql`date` : sql`text`,
		json: pg ? sql`jsonb` : sql`text`
	} as const;
}

/**
 * An id that is never given out twice, even after its row is deleted, so an old link never opens
 * another record: PostgreSQL's identity sequence never goes back; on SQLite a bare integer primary key
 * would hand the largest id out again once its row is gone, AUTOINCREMENT never does.
 * (Tables made before 20261205_0500_ids_never_reused were rebuilt with it there.)
 */
export function idColumn(db: Kysely<any>) {
	const pg = isPostgres(db);
	return (col: ColumnDefinitionBuilder) =>
		pg ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement();
}

/**
 * SQLite: runs `change` with foreign keys off, in one transaction, and refuses to commit if it left a
 * reference dangling. Rebuilding a table (below) drops it, which with foreign keys on would delete or
 * refuse every row that refers to it. The pragma means nothing inside a transaction, hence outside; the
 * migrator runs SQLite migrations outside one.
 */
export async function withoutForeignKeys(
	db: Kysely<any>,
	change: (trx: Kysely<any>) => Promise<void>
): Promise<void> {
	const { rows } = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
	await sql`pragma foreign_keys = off`.execute(db);
	try {
		await db.transaction().execute(async (trx) => {
			await change(trx);
			const dangling = await sql`pragma foreign_key_check`.execute(trx);
			if (dangling.rows.length > 0) {
				throw new Error(`foreign keys left dangling: ${JSON.stringify(dangling.rows.slice(0, 5))}`);
			}
		});
	} finally {
		await sql`pragma foreign_keys = ${sql.raw(String(rows[0]?.foreign_keys ?? 1))}`.execute(db);
	}
}

/**
 * SQLite's way to change what ALTER TABLE cannot (sqlite.org/lang_altertable.html, "other kinds of table
 * schema changes"): a new table from the old one's own CREATE TABLE text as `rewrite` changes it, the
 * rows copied, the old table dropped, the new one renamed, and the table's indexes and triggers (the
 * search notes among them) made again from their own text. Run it inside withoutForeignKeys.
 */
export async function rebuildSqliteTable(
	trx: Kysely<any>,
	table: string,
	rewrite: (createTable: string) => string
): Promise<void> {
	const { rows } = await sql<{ type: string; sql: string }>`select type, sql from sqlite_master
		where tbl_name = ${table} and sql is not null order by type = 'table' desc`.execute(trx);
	const [create, ...dependents] = rows;
	if (create?.type !== 'table') throw new Error(`no table ${table}`);
	const rebuilt = `${table}_rebuilt`;
	const named = rewrite(create.sql).replace(/^CREATE TABLE\s+("?)\w+\1/i, `CREATE TABLE "${rebuilt}"`);
	await sql.raw(named).execute(trx);
	await sql`insert into ${sql.table(rebuilt)} select * from ${sql.table(table)}`.execute(trx);
	await sql`drop table ${sql.table(table)}`.execute(trx);
	await sql`alter table ${sql.table(rebuilt)} rename to ${sql.table(table)}`.execute(trx);
	for (const dependent of dependents) await sql.raw(dependent.sql).execute(trx);
}

/** A CHECK that keeps an enum-like text column to its listed values. */
export function oneOf(column: string, values: readonly string[]) {
	return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}

/** A CHECK for 0/1 flags: both engines store booleans as integers so that rows read the same everywhere. */
export function flag(column: string) {
	return sql`${sql.ref(column)} in (0, 1)`;
}

/** A CHECK for ISO 3166-1 alpha-2 country codes: two upper-case letters. */
export function countryCode(column: string) {
	return sql`length(${sql.ref(column)}) = 2 and upper(${sql.ref(column)}) = ${sql.ref(column)}`;
}

const SEARCH_NOTES = [
	['insert', 'new'],
	['update', 'new'],
	['delete', 'old']
] as const;

/**
 * Puts every insert, update and delete of `table` on search_pending, as the searched tables of
 * 20261124_2040_create_search_index do (PostgreSQL through its search_pending_note() function; SQLite in
 * the form 20261125_0001_search_note_without_conflict gave those triggers).
 */
export async function addSearchNotes(db: Kysely<any>, table: string): Promise<void> {
	if (isPostgres(db)) {
		await sql`create trigger ${sql.id(`${table}_search_note`)}
			after insert or update or delete on ${sql.table(table)}
			for each row execute function search_pending_note(${sql.lit(table)})`.execute(db);
		return;
	}
	for (const [when, row] of SEARCH_NOTES) {
		await sql`create trigger ${sql.id(`${table}_search_note_${when}`)}
			after ${sql.raw(when)} on ${sql.table(table)} begin
				insert into search_pending (entity_type, entity_id)
				select ${sql.lit(table)}, ${sql.raw(row)}.id
				where not exists (
					select 1 from search_pending
					where entity_type = ${sql.lit(table)} and entity_id = ${sql.raw(row)}.id
				);
			end`.execute(db);
	}
}

/** Undoes addSearchNotes; the table's documents are for the caller to remove. */
export async function dropSearchNotes(db: Kysely<any>, table: string): Promise<void> {
	if (isPostgres(db)) {
		await sql`drop trigger ${sql.id(`${table}_search_note`)} on ${sql.table(table)}`.execute(db);
		return;
	}
	for (const [when] of SEARCH_NOTES) {
		await sql`drop trigger ${sql.id(`${table}_search_note_${when}`)}`.execute(db);
	}
}

/**
 * A trigger that notes in feed_change (20261207_0300) the scopes `scopes` selects, each with the
 * database's clock, after `on` ("update of title on event", "insert on visit_item") for each row —
 * when `when` holds, if given. PostgreSQL runs it through a function of the same name.
 */
export async function createFeedChangeTrigger(
	db: Kysely<any>,
	{ name, on, when, scopes }: { name: string; on: string; when?: string; scopes: string }
): Promise<void> {
	const pg = isPostgres(db);
	// The database's clock, in the form each engine stores instants in.
	const now = pg ? 'clock_timestamp()' : `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
	const insert = `insert into feed_change (scope, changed_at)
			select scope, ${now} from (${scopes}) as scopes;`;
	const condition = when ? `when (${when})` : '';
	if (pg) {
		await sql
			.raw(
				`create function ${name}() returns trigger language plpgsql set search_path from current as $$
					begin
						${insert}
						return null;
					end
				$$`
			)
			.execute(db);
		await sql
			.raw(`create trigger ${name} after ${on} for each row ${condition} execute function ${name}()`)
			.execute(db);
	} else {
		await sql.raw(`create trigger ${name} after ${on} ${condition} begin ${insert} end`).execute(db);
	}
}

/** Drops what createFeedChangeTrigger made. */
export async function dropFeedChangeTrigger(db: Kysely<any>, name: string, table: string): Promise<void> {
	if (isPostgres(db)) {
		await sql.raw(`drop trigger ${name} on ${table}`).execute(db);
		await sql.raw(`drop function ${name}()`).execute(db);
	} else {
		await sql.raw(`drop trigger ${name}`).execute(db);
	}
}
