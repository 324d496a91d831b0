/**
 * Database failures say what they are: the engine's own error reaches the caller (not the failed
 * ROLLBACK that SQLite's own rollback makes of it), classified once for both engines; and readiness
 * says why a server should not be sent requests. The built server's answers to them (503, the log, a
 * full disk, an immutable file) are in tests/http/database-faults.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { migrations } from '$db/migrations';
import { openDatabase, type DatabaseHandle } from '$lib/server/db/connection';
import { classifyDatabaseError } from '$lib/server/db/db-errors';
import { noteDatabaseFailure } from '$lib/server/db/health';
import { checkReadiness } from '$lib/server/readiness';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { queueTestMessages } from '../helpers/outbox';

describe('a SQLite transaction that fills the database', () => {
	let dir: string;
	let handle: DatabaseHandle;
	beforeEach(async () => {
		dir = mkdtempSync(join(tmpdir(), 'protokol-full-'));
		handle = openDatabase(join(dir, 'full.db'));
		await sql`create table filler (text text not null)`.execute(handle.db);
		// A database that may not grow is full as a disk is: SQLite answers SQLITE_FULL and rolls back.
		const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(handle.db);
		await sql`pragma max_page_count = ${sql.raw(String(rows[0]!.page_count + 4))}`.execute(handle.db);
	});
	afterEach(async () => {
		await handle.close();
		rmSync(dir, { recursive: true, force: true });
	});

	const fill = () =>
		handle.db.transaction().execute(async (trx) => {
			for (let i = 0; i < 100; i++) {
				await sql`insert into filler (text) values (${'x'.repeat(3000)})`.execute(trx);
			}
		});

	test('fails with SQLITE_FULL, not with the ROLLBACK that followed it, and keeps nothing', async () => {
		const error = await fill().catch((e: unknown) => e);
		expect(error).toMatchObject({ code: 'SQLITE_FULL' });
		expect(classifyDatabaseError(error)).toEqual({
			kind: 'full',
			code: 'SQLITE_FULL',
			detail: 'database or disk is full'
		});
		const { rows } = await sql<{ n: number }>`select count(*) as n from filler`.execute(handle.db);
		expect(rows).toEqual([{ n: 0 }]);
	});

	test('leaves the connection ready for the next transaction', async () => {
		await fill().catch(() => {});
		await handle.db.transaction().execute(async (trx) => {
			await sql`insert into filler (text) values ('small')`.execute(trx);
		});
		const { rows } = await sql<{ n: number }>`select count(*) as n from filler`.execute(handle.db);
		expect(rows).toEqual([{ n: 1 }]);
	});
});

describeEachEngine('readiness', (engine) => {
	let handle: TestDatabase;
	const NOW = new Date('2026-12-05T09:00:00.000Z');
	const SENDING = { SMTP_URL: 'smtp://127.0.0.1:2525', OUTBOX_STUCK_AFTER_MS: '600000' };
	beforeEach(async () => {
		handle = await engine.open();
	});
	afterEach(async () => {
		await handle.cleanup();
	});

	test('a migrated, writable database with nothing due is ready', async () => {
		expect(await checkReadiness(handle, NOW, SENDING)).toEqual({
			ready: true,
			reasons: [],
			database: { engine: handle.engine, writable: true },
			migrations: { pending: [] },
			outbox: { sending: true, oldestDueSeconds: null, stuckAfterSeconds: 600 }
		});
	});

	test('a message due longer than OUTBOX_STUCK_AFTER_MS means the outbox is stuck', async () => {
		await queueTestMessages(handle.db, ['late@example.org'], new Date(NOW.getTime() - 601_000));
		const readiness = await checkReadiness(handle, NOW, SENDING);
		expect(readiness.ready).toBe(false);
		expect(readiness.reasons).toEqual(['the outbox is stuck: a message has been due for 601 s']);
		expect(readiness.outbox.oldestDueSeconds).toBe(601);
		// Without SMTP_URL messages wait by design: nothing is stuck.
		expect((await checkReadiness(handle, NOW, {})).ready).toBe(true);
	});

	test('a migration not applied yet is named', async () => {
		const last = Object.keys(migrations).at(-1)!;
		const migrator = new Migrator({
			db: handle.db,
			provider: { getMigrations: async () => migrations },
			migrationTableSchema: handle.schema
		});
		expect((await migrator.migrateDown()).error).toBeUndefined();
		const readiness = await checkReadiness(handle, NOW, {});
		expect(readiness.reasons).toEqual([`migrations not applied: ${last}`]);
	});

	test('a failure a request met in the last 30 s is a reason', async () => {
		// An hour before NOW, so that the other tests (the memory is the process's) see it long gone.
		const at = NOW.getTime() - 3_600_000;
		noteDatabaseFailure({ kind: 'full', code: 'SQLITE_FULL', detail: 'database or disk is full' }, at);
		const soon = await checkReadiness(handle, new Date(at + 5_000), {});
		expect(soon.reasons).toEqual([
			'a request failed 5 s ago: its disk is full (SQLITE_FULL: database or disk is full)'
		]);
		expect(soon.database.writable).toBe(false);
		expect((await checkReadiness(handle, new Date(at + 31_000), {})).ready).toBe(true);
	});

	test.runIf(engine.engine === 'postgres')(
		'a write in a read-only transaction is classified read-only',
		async () => {
			const error = await handle.db
				.transaction()
				.setAccessMode('read only')
				.execute((trx) => sql`update app_setting set value = value`.execute(trx))
				.catch((e: unknown) => e);
			expect(classifyDatabaseError(error)).toMatchObject({ kind: 'read-only', code: '25006' });
		}
	);
});
