/**
 * What openDatabase promises of a SQLite file: WAL, a sync on every commit, foreign keys, a wait on a
 * busy file, and write transactions that take the write lock up front.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openDatabase, type DatabaseHandle } from '$lib/server/db/connection';
import { migrateToLatest } from '$lib/server/db/migrator';
import type { Database } from '$lib/server/db/schema';
import { insertOrganization } from '../helpers/factories';

async function pragma(db: Kysely<Database>, name: string): Promise<unknown> {
	const { rows } = await sql<Record<string, unknown>>`pragma ${sql.raw(name)}`.execute(db);
	return Object.values(rows[0] ?? {})[0];
}

/**
 * Another writer in a thread of its own (better-sqlite3 blocks the thread it runs on, so the holder
 * must not share ours): it takes the write lock, inserts an organisation, says "locked", keeps the
 * lock for `holdMs`, then commits.
 */
function holdWriteLock(filename: string, holdMs: number): { locked: Promise<void>; done: Promise<void> } {
	const worker = new Worker(
		`
		const { parentPort, workerData } = require('node:worker_threads');
		const Database = require(workerData.driver);
		const db = new Database(workerData.filename);
		db.pragma('busy_timeout = 5000');
		db.exec('begin immediate');
		const now = new Date().toISOString();
		db.prepare("insert into organization (name, kind, created_at, updated_at) values ('IOM', 'international_organization', ?, ?)").run(now, now);
		parentPort.postMessage('locked');
		Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.holdMs);
		db.exec('commit');
		db.close();
		`,
		{
			eval: true,
			workerData: { filename, holdMs, driver: createRequire(import.meta.url).resolve('better-sqlite3') }
		}
	);
	const locked = new Promise<void>((resolve, reject) => {
		worker.once('message', () => resolve());
		worker.once('error', reject);
	});
	const done = new Promise<void>((resolve, reject) => {
		worker.once('error', reject);
		worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer exited ${code}`))));
	});
	return { locked, done };
}

describe('a SQLite file opened by openDatabase', () => {
	let dir: string;
	let filename: string;
	let handle: DatabaseHandle;

	beforeEach(async () => {
		dir = mkdtempSync(join(tmpdir(), 'protokol-durability-'));
		filename = join(dir, 'protokol.db');
		handle = openDatabase(filename);
		await migrateToLatest(handle);
	});
	afterEach(async () => {
		await handle.close();
		rmSync(dir, { recursive: true, force: true });
	});

	test('writes ahead to a log', async () => {
		expect(await pragma(handle.db, 'journal_mode')).toBe('wal');
	});

	test('syncs every commit to disk', async () => {
		expect(await pragma(handle.db, 'synchronous')).toBe(2);
	});

	test('enforces foreign keys', async () => {
		expect(await pragma(handle.db, 'foreign_keys')).toBe(1);
	});

	test('waits for a busy file instead of failing at once', async () => {
		expect(await pragma(handle.db, 'busy_timeout')).toBeGreaterThan(0);
	});

	test('a write transaction waits for another writer and then sees its row', async () => {
		const other = holdWriteLock(filename, 500);
		await other.locked;

		// This transaction reads before it writes. Begun DEFERRED it would read a snapshot without the
		// other writer's row and then fail with SQLITE_BUSY at its first write; begun IMMEDIATE it
		// waits at BEGIN for the other commit, then reads and writes on the newest state.
		const seen = await handle.db.transaction().execute(async (trx) => {
			const names = await trx.selectFrom('organization').select('name').execute();
			await insertOrganization(trx, { name: 'State Migration Service' });
			return names.map((n) => n.name);
		});
		await other.done;

		expect(seen).toEqual(['IOM']);
		const names = await handle.db.selectFrom('organization').select('name').orderBy('id').execute();
		expect(names.map((n) => n.name)).toEqual(['IOM', 'State Migration Service']);
	});
});
