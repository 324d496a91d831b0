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

export function idColumn(db: Kysely<any>) {
	const pg = isPostgres(db);
	return (col: ColumnDefinitionBuilder) =>
		pg ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey();
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
