/**
 * The SQLite connection keeps its prepared statements: a query run again is not prepared again, the
 * cache stays within its bound, and what Kysely reads back (rows, affected rows, insert ids, streams)
 * is what its own connection gives.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { CompiledQuery, sql, type Generated, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { CachingSqliteConnection, openDatabase, type DatabaseHandle } from '$lib/server/db/connection';

describe('the SQLite connection', () => {
	let dir: string;
	let handle: DatabaseHandle;
	let db: Kysely<{ thing: { id: Generated<number>; name: string } }>;

	beforeEach(async () => {
		dir = mkdtempSync(join(tmpdir(), 'protokol-statements-'));
		handle = openDatabase(join(dir, 'test.db'));
		db = handle.db as unknown as typeof db;
		await sql`create table thing (id integer primary key, name text not null)`.execute(db);
	});

	afterEach(async () => {
		await handle.close();
		rmSync(dir, { recursive: true, force: true });
	});

	test('answers writes with affected rows and insert ids, reads with rows, as Kysely expects', async () => {
		const inserted = await db.insertInto('thing').values({ name: 'Baku' }).executeTakeFirstOrThrow();
		expect(inserted.insertId).toBe(1n);
		expect(inserted.numInsertedOrUpdatedRows).toBe(1n);
		await db.insertInto('thing').values({ name: 'Geneva' }).execute();
		const updated = await db.updateTable('thing').set({ name: 'x' }).where('id', '>', 0).executeTakeFirst();
		expect(updated.numUpdatedRows).toBe(2n);
		const rows = await db.selectFrom('thing').select(['id', 'name']).orderBy('id').execute();
		expect(rows).toEqual([
			{ id: 1, name: 'x' },
			{ id: 2, name: 'x' }
		]);
		const returned = await db.deleteFrom('thing').where('id', '=', 2).returning('name').execute();
		expect(returned).toEqual([{ name: 'x' }]);
	});

	test('streams rows, and the same query runs as usual after a stream', async () => {
		await db
			.insertInto('thing')
			.values([{ name: 'a' }, { name: 'b' }, { name: 'c' }])
			.execute();
		const query = db.selectFrom('thing').select('name').orderBy('id');
		const seen: string[] = [];
		for await (const row of query.stream()) {
			seen.push(row.name);
		}
		expect(seen).toEqual(['a', 'b', 'c']);
		expect(await query.execute()).toHaveLength(3);
	});

	test('a statement run again is taken from the cache, and sees a changed schema', async () => {
		const query = db.selectFrom('thing').selectAll();
		await query.execute();
		const prepare = vi.spyOn(SQLite.prototype, 'prepare');
		await query.execute();
		await query.execute();
		expect(prepare).not.toHaveBeenCalled();
		prepare.mockRestore();
		await sql`alter table thing add column zone text`.execute(db);
		await db.insertInto('thing').values({ name: 'Baku' }).execute();
		expect(await query.execute()).toEqual([{ id: 1, name: 'Baku', zone: null }]);
	});

	test('a cached statement whose value is compared with an indexed column is not prepared again at each run', async () => {
		await sql`create index thing_name on thing (name)`.execute(db);
		await db
			.insertInto('thing')
			.values([{ name: 'Baku' }, { name: 'Geneva' }, { name: 'Baku' }])
			.execute();
		const named = (name: string) =>
			db.selectFrom('thing').select(['id', 'name']).where('name', '=', name).orderBy('id').execute();
		await named('Baku');
		// Prepared again, a statement's rows get a new row factory: better-sqlite3 builds it with Function().
		const rebuilt = vi.spyOn(globalThis, 'Function');
		expect(await named('Geneva')).toEqual([{ id: 2, name: 'Geneva' }]);
		expect(await named('Baku')).toEqual([
			{ id: 1, name: 'Baku' },
			{ id: 3, name: 'Baku' }
		]);
		expect(rebuilt).not.toHaveBeenCalled();
		rebuilt.mockRestore();
	});

	test('opening a file analyses the tables that were never analysed (PRAGMA optimize)', async () => {
		const filename = join(dir, 'fresh.db');
		const plain = new SQLite(filename);
		plain.exec(
			'create table visit (id integer primary key, zone text); create index visit_zone on visit (zone)'
		);
		const insert = plain.prepare('insert into visit (zone) values (?)');
		plain.transaction(() => {
			for (let i = 0; i < 2000; i++) insert.run(i % 2 ? 'Asia/Baku' : 'Europe/Zurich');
		})();
		plain.close();
		const opened = openDatabase(filename);
		const { rows } = await sql<{ idx: string }>`select idx from sqlite_stat1 where tbl = 'visit'`.execute(
			opened.db
		);
		await opened.close();
		expect(rows.map((row) => row.idx)).toEqual(['visit_zone']);
	});

	test('keeps no more statements than its bound, dropping the least recently used', async () => {
		const sqlite = new SQLite(':memory:');
		const connection = new CachingSqliteConnection(sqlite, 2);
		const prepare = vi.spyOn(sqlite, 'prepare');
		const run = (text: string) => connection.executeQuery(CompiledQuery.raw(text));
		await run('select 1');
		await run('select 2');
		await run('select 1');
		await run('select 3'); // drops "select 2", the least recently used
		expect(connection.cachedStatements).toBe(2);
		expect(prepare).toHaveBeenCalledTimes(3);
		await run('select 1');
		expect(prepare).toHaveBeenCalledTimes(3);
		await run('select 2');
		expect(prepare).toHaveBeenCalledTimes(4);
		sqlite.close();
	});

	test('keeps no more SQL than its bound: a long statement drops others, one longer than all is not kept', async () => {
		const sqlite = new SQLite(':memory:');
		// Room for 60 characters of SQL.
		const connection = new CachingSqliteConnection(sqlite, 100, 60);
		const prepare = vi.spyOn(sqlite, 'prepare');
		const run = (text: string) => connection.executeQuery(CompiledQuery.raw(text));
		const long = `select ${'1 + '.repeat(10)}1`; // 48 characters
		await run('select 1');
		await run('select 2');
		expect(connection.cachedSqlLength).toBe(16);
		await run(long); // 64 with both: drops "select 1", the least recently used
		expect(connection.cachedStatements).toBe(2);
		expect(connection.cachedSqlLength).toBe(56);
		await run(`select ${'2 + '.repeat(20)}2`); // longer than the bound: used, not kept
		expect(connection.cachedStatements).toBe(2);
		expect(connection.cachedSqlLength).toBe(56);
		await run('select 2');
		await run(long);
		expect(prepare).toHaveBeenCalledTimes(4);
		sqlite.close();
	});
});
