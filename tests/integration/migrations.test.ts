import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { migrations } from '$db/migrations';
import { migrateDownToEmpty, migrateToLatest } from '$lib/server/db/migrator';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertEvent, insertPerson } from '../helpers/factories';

const migrationNames = Object.keys(migrations);

/** The tables the migrations made, leaving out Kysely's own bookkeeping. */
async function appTables(handle: TestDatabase): Promise<string[]> {
	const { rows } =
		handle.engine === 'postgres'
			? await sql<{ name: string }>`select table_name as name from information_schema.tables
					where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(handle.db)
			: await sql<{ name: string }>`select name from sqlite_master
					where type = 'table' and name not like 'sqlite_%'`.execute(handle.db);
	return rows
		.map((r) => r.name)
		.filter((name) => !name.startsWith('kysely_'))
		.sort();
}

describe('the migration index', () => {
	test('lists every migration file in db/migrations', () => {
		const folder = fileURLToPath(new URL('../../db/migrations/', import.meta.url));
		const files = readdirSync(folder)
			.filter((file) => file.endsWith('.ts') && file !== 'index.ts')
			.map((file) => file.replace(/\.ts$/, ''))
			.sort();
		expect(migrationNames.slice().sort()).toEqual(files);
	});

	test('lists the migrations in the order of their names', () => {
		expect(migrationNames).toEqual(migrationNames.slice().sort());
	});
});

describeEachEngine('migrations', (engine) => {
	let handle: TestDatabase;
	beforeEach(async () => {
		handle = await engine.open({ migrate: false });
	});
	afterEach(async () => {
		await handle.cleanup();
	});

	test('migrating an empty database applies every listed migration in order', async () => {
		expect(await migrateToLatest(handle)).toEqual(migrationNames);
		expect(await appTables(handle)).toContain('event');
	});

	test('migrating a migrated database applies nothing', async () => {
		await migrateToLatest(handle);
		expect(await migrateToLatest(handle)).toEqual([]);
	});

	test('every migration can be undone and applied again', async () => {
		await migrateToLatest(handle);
		const tables = await appTables(handle);

		expect(await migrateDownToEmpty(handle)).toEqual(migrationNames.slice().reverse());
		expect(await appTables(handle)).toEqual([]);

		expect(await migrateToLatest(handle)).toEqual(migrationNames);
		expect(await appTables(handle)).toEqual(tables);
	});
});

describeEachEngine('constraints', (engine) => {
	let handle: TestDatabase;
	beforeEach(async () => {
		handle = await engine.open();
	});
	afterEach(async () => {
		await handle.cleanup();
	});

	test('a participant of an event that does not exist is refused', async () => {
		const person = await insertPerson(handle.db);
		const now = new Date().toISOString();
		await expect(
			handle.db
				.insertInto('event_participant')
				.values({
					event_id: 999_999,
					person_id: person.id,
					role: 'guest',
					created_at: now,
					updated_at: now
				})
				.execute()
		).rejects.toThrow(/foreign key/i);
	});

	test('an event that ends before it starts is refused', async () => {
		await expect(
			insertEvent(handle.db, {
				start_at: '2021-12-17T06:00:00.000Z',
				end_at: '2021-12-17T05:00:00.000Z'
			})
		).rejects.toThrow(/event_ends_after_start/);
	});

	test('an event that ends when it starts is accepted', async () => {
		const event = await insertEvent(handle.db, {
			start_at: '2021-12-17T06:00:00.000Z',
			end_at: '2021-12-17T06:00:00.000Z'
		});
		expect(event.end_at).toBe('2021-12-17T06:00:00.000Z');
	});
});
