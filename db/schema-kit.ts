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
