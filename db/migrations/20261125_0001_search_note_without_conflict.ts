import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../schema-kit';

/**
 * SQLite's search_pending triggers wrote with INSERT OR IGNORE. Inside a trigger, the conflict policy of
 * the statement that fired it wins over the trigger's own, and a foreign key's ON DELETE SET NULL fires
 * the update trigger under ABORT: deleting a record that two rows point at then failed with "UNIQUE
 * constraint failed: search_pending". The triggers now insert only what is not there yet, which needs no
 * conflict policy at all. PostgreSQL's ON CONFLICT DO NOTHING has no such quirk and stays.
 */
const SEARCHED = ['event', 'person', 'organization', 'outcome', 'correspondence'] as const;
const WRITES = [
	['insert', 'new'],
	['update', 'new'],
	['delete', 'old']
] as const;

async function replaceTriggers(
	db: Kysely<any>,
	body: (table: string, row: 'new' | 'old') => ReturnType<typeof sql>
) {
	for (const table of SEARCHED) {
		for (const [when, row] of WRITES) {
			const name = sql.id(`${table}_search_note_${when}`);
			await sql`drop trigger ${name}`.execute(db);
			await sql`create trigger ${name} after ${sql.raw(when)} on ${sql.table(table)} begin
				${body(table, row)};
			end`.execute(db);
		}
	}
}

export async function up(db: Kysely<any>): Promise<void> {
	if (isPostgres(db)) return;
	await replaceTriggers(
		db,
		(table, row) => sql`insert into search_pending (entity_type, entity_id)
			select ${sql.lit(table)}, ${sql.raw(row)}.id
			where not exists (
				select 1 from search_pending
				where entity_type = ${sql.lit(table)} and entity_id = ${sql.raw(row)}.id
			)`
	);
}

export async function down(db: Kysely<any>): Promise<void> {
	if (isPostgres(db)) return;
	await replaceTriggers(
		db,
		(table, row) => sql`insert or ignore into search_pending (entity_type, entity_id)
			values (${sql.lit(table)}, ${sql.raw(row)}.id)`
	);
}
