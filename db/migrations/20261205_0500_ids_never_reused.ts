import { sql, type Kysely } from 'kysely';
import { isPostgres, rebuildSqliteTable, withoutForeignKeys } from '../schema-kit';

/**
 * SQLite gives a new row the largest id plus one, so deleting the newest event and adding another gave
 * the new one the old id: a bookmark, an e-mail's link or a letter's reference to the deleted event
 * opened a different one. AUTOINCREMENT never hands an id out twice; it can only be had by rebuilding
 * the table, so every table with an integer id is rebuilt with it (idColumn makes new tables so).
 * Copying the rows sets each table's sqlite_sequence to its largest id, where new ids continue.
 * PostgreSQL's identity columns never reuse an id: nothing to do there.
 */
const INTEGER_ID = /"id" integer primary key( autoincrement)?/i;

async function integerIdTables(db: Kysely<any>, autoincrement: boolean): Promise<string[]> {
	const { rows } = await sql<{ name: string; sql: string }>`select name, sql from sqlite_master
		where type = 'table' and name not like 'sqlite_%' order by name`.execute(db);
	return rows
		.filter((row) => {
			const id = INTEGER_ID.exec(row.sql);
			return id !== null && Boolean(id[1]) === autoincrement;
		})
		.map((row) => row.name);
}

/** Rebuilds every table whose id lacks (or, going down, has) AUTOINCREMENT with it (or without). */
async function rebuildIds(db: Kysely<any>, autoincrement: boolean): Promise<void> {
	const tables = await integerIdTables(db, !autoincrement);
	const id = `"id" integer primary key${autoincrement ? ' autoincrement' : ''}`;
	await withoutForeignKeys(db, async (trx) => {
		for (const table of tables) {
			await rebuildSqliteTable(trx, table, (create) => create.replace(INTEGER_ID, id));
			if (!autoincrement) await sql`delete from sqlite_sequence where name = ${table}`.execute(trx);
		}
	});
}

export async function up(db: Kysely<any>): Promise<void> {
	if (!isPostgres(db)) await rebuildIds(db, true);
}

export async function down(db: Kysely<any>): Promise<void> {
	if (!isPostgres(db)) await rebuildIds(db, false);
}
