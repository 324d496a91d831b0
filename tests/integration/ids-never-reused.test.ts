/**
 * An id is never given out twice, so an old link to a deleted record never opens another: on SQLite
 * through AUTOINCREMENT (migration 20261205_0500_ids_never_reused rebuilt the tables made before it), on
 * PostgreSQL through identity columns.
 */
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { migrations } from '$db/migrations';
import { migrateToLatest } from '$lib/server/db/migrator';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertEvent, insertOrganization, insertPerson, insertVenue } from '../helpers/factories';

// The tables whose rows have a page, a form or a link of their own by id; every other table with an
// integer id is held to the same rule below.
const TABLES_WITH_PAGES = [
	'agenda_item',
	'agreement',
	'correspondence',
	'correspondence_file',
	'delegation',
	'event',
	'event_participant',
	'organization',
	'outbox_message',
	'outcome',
	'person',
	'person_position',
	'project',
	'user_account',
	'venue'
];

/** Every table with an integer id, and whether the engine can ever hand one of its ids out again. */
async function integerIds(handle: TestDatabase): Promise<{ table: string; neverReused: boolean }[]> {
	if (handle.engine === 'postgres') {
		const { rows } = await sql<{ name: string; identity: string }>`select table_name as name,
				is_identity as identity from information_schema.columns
				where table_schema = current_schema() and column_name = 'id'
					and data_type in ('integer', 'bigint')`.execute(handle.db);
		return rows.map((r) => ({ table: r.name, neverReused: r.identity === 'YES' }));
	}
	const { rows } = await sql<{ name: string; sql: string }>`select name, sql from sqlite_master
		where type = 'table' and sql like '%"id" integer primary key%'`.execute(handle.db);
	return rows.map((r) => ({
		table: r.name,
		neverReused: /"id" integer primary key autoincrement/.test(r.sql)
	}));
}

describeEachEngine('ids', (engine) => {
	let handle: TestDatabase;
	beforeEach(async () => {
		handle = await engine.open();
	});
	afterEach(async () => {
		await handle.cleanup();
	});

	test('every table with an integer id never hands one out twice', async () => {
		const ids = await integerIds(handle);
		expect(ids.map((id) => id.table)).toEqual(expect.arrayContaining(TABLES_WITH_PAGES));
		expect(ids.filter((id) => !id.neverReused)).toEqual([]);
	});

	test('deleting the newest event, person, organisation or venue and adding another gives a new id', async () => {
		const { db } = handle;
		const makers = {
			event: () => insertEvent(db),
			person: () => insertPerson(db),
			organization: () => insertOrganization(db),
			venue: () => insertVenue(db)
		};
		for (const [table, make] of Object.entries(makers)) {
			await make();
			const newest = await make();
			await db
				.deleteFrom(table as keyof typeof makers)
				.where('id', '=', newest.id)
				.execute();
			const next = await make();
			expect(next.id, table).toBeGreaterThan(newest.id);
		}
	});

	const migrator = () =>
		new Migrator({
			db: handle.db,
			provider: { getMigrations: async () => migrations },
			migrationTableSchema: handle.schema
		});

	const schemaObjects = async () =>
		handle.engine === 'postgres'
			? []
			: (
					await sql<{ type: string; name: string; tbl_name: string }>`select type, name, tbl_name
						from sqlite_master where type in ('index', 'trigger') order by name`.execute(handle.db)
				).rows;

	test('keeps its rows, references, indexes and search triggers, and new ids continue past the largest', async () => {
		const { db } = handle;
		const before = await schemaObjects();
		const step = await migrator().migrateTo('20261205_0400_index_login_failures');
		expect(step.error).toBeUndefined();

		// The venue table as it was then, before it had a sort key.
		const venue = await insertVenue(db, { sort_key: undefined });
		const kept = await insertEvent(db, { venue_id: venue.id, title: 'Kept across the rebuild' });
		if (handle.engine === 'sqlite') {
			// As it was: SQLite gave a deleted newest id out again.
			const gone = await insertEvent(db);
			await db.deleteFrom('event').where('id', '=', gone.id).execute();
			expect((await insertEvent(db)).id).toBe(gone.id);
		}
		const newest = await insertEvent(db, { title: 'Newest' });

		await migrateToLatest(handle);

		expect(await schemaObjects()).toEqual(before);
		expect(
			await db.selectFrom('event').select(['id', 'venue_id']).where('id', '=', kept.id).execute()
		).toEqual([{ id: kept.id, venue_id: venue.id }]);
		await db.deleteFrom('event').where('id', '=', newest.id).execute();
		// The search triggers were made again: the new event waits to be indexed.
		await db.deleteFrom('search_pending').execute();
		const added = await insertEvent(db);
		expect(added.id).toBeGreaterThan(newest.id);
		expect(await db.selectFrom('search_pending').select(['entity_type', 'entity_id']).execute()).toEqual([
			{ entity_type: 'event', entity_id: added.id }
		]);
		// Foreign keys are on again and still point where they did.
		await expect(insertEvent(db, { venue_id: venue.id + 1000 })).rejects.toThrow();
	});
});
