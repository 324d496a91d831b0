/**
 * The built server on a database it cannot write: a full disk (a 2 MB tmpfs filled up), a database file
 * made immutable before the start, and one made immutable while it runs. Each time the person at the
 * browser is told that nothing was saved (503), the log names the cause, /readyz says not ready, the
 * process lives on, and nothing is left half-written. Root is needed to mount a tmpfs and to set the
 * immutable flag (chattr +i stops root too); CI runs as root.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, test } from 'vitest';
import { openDatabase } from '$lib/server/db/connection';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { EMPTY_PERSON_FORM } from '../helpers/forms';
import { postForm } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';

const isRoot = process.getuid?.() === 0;
if (!isRoot)
	console.warn('[tests] not root: the database fault tests need mount and chattr, and are skipped');

const nameOf = (i: number) => `Filler${i}`;

let cleanups: (() => unknown)[] = [];
// Every cleanup runs even when one fails: a server left running would hold its tmpfs mounted.
afterEach(async () => {
	const failures: unknown[] = [];
	for (const cleanup of cleanups.reverse())
		await Promise.resolve()
			.then(cleanup)
			.catch((e) => failures.push(e));
	cleanups = [];
	if (failures.length > 0) throw failures[0];
});

function tempDir(): string {
	const dir = mkdtempSync(join(tmpdir(), 'protokol-faults-'));
	cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
	return dir;
}

function immutable(...files: string[]): void {
	execFileSync('chattr', ['+i', ...files]);
	// The server removes the -wal file as it stops, once writable again.
	cleanups.push(() => execFileSync('chattr', ['-i', ...files.filter((file) => existsSync(file))]));
}

async function serve(databaseUrl: string): Promise<RunningServer> {
	const server = await startServer({ databaseUrl, env: { DEMO_DATA: 'off' } });
	cleanups.push(() => server.stop());
	return server;
}

/** Saves a new person as a browser without JavaScript does, or, `enhanced`, as enhanceForm does. */
function savePerson(server: RunningServer, cookie: string, familyName: string, enhanced = false) {
	const fields = { ...EMPTY_PERSON_FORM, givenName: 'Filler', familyName, notes: 'n'.repeat(2000) };
	const asScript = { accept: 'application/json', headers: { 'x-sveltekit-action': 'true' } };
	return postForm(server, '/people/new?/save', fields, { cookie, ...(enhanced ? asScript : {}) });
}

async function readiness(server: RunningServer) {
	const response = await fetch(`${server.url}/readyz`);
	return { status: response.status, body: (await response.json()) as { status: string; reasons: string[] } };
}

async function withDatabase<T>(url: string, read: (db: ReturnType<typeof openDatabase>['db']) => Promise<T>) {
	const handle = openDatabase(url);
	try {
		return await read(handle.db);
	} finally {
		await handle.close();
	}
}

describe.skipIf(!isRoot)('a database the server cannot write', () => {
	test('a full disk: 503 saying nothing was saved, SQLITE_FULL in the log, not ready, nothing half-written', async () => {
		// Migrated elsewhere: migrating takes more room than the database then needs.
		const prepared = join(tempDir(), 'protokol.db');
		const officer = await addUser(prepared, 'officer');
		const dir = tempDir();
		execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dir]);
		cleanups.push(() => execFileSync('umount', ['-l', dir]));
		const databaseUrl = join(dir, 'protokol.db');
		copyFileSync(prepared, databaseUrl);
		const server = await serve(databaseUrl);
		const cookie = await signInOverHttp(server, officer);
		expect((await readiness(server)).status).toBe(200);

		// Leave the database a few pages, then save until it has no more room.
		const free = Number(statfsSync(dir).bavail * statfsSync(dir).bsize);
		writeFileSync(join(dir, 'filler'), Buffer.alloc(Math.max(0, free - 256 * 1024)));
		const saved: string[] = [];
		let refused: Response | undefined;
		let refusedName = '';
		for (let i = 0; i < 100 && !refused; i++) {
			const response = await savePerson(server, cookie, nameOf(i));
			if (response.status === 303) saved.push(nameOf(i));
			else [refused, refusedName] = [response, nameOf(i)];
		}

		expect(refused?.status).toBe(503);
		const page = await refused!.text();
		expect(page).toContain('The server cannot save right now: its disk is full. Nothing was saved.');
		const enhanced = await savePerson(server, cookie, 'FillerEnhanced', true);
		expect(enhanced.status).toBe(503);
		expect(await enhanced.json()).toEqual({
			type: 'error',
			error: { message: expect.stringContaining('its disk is full. Nothing was saved.') }
		});
		expect(server.output()).toMatch(/answered 503: its disk is full \(SQLITE_FULL/);
		expect(server.output()).not.toContain('cannot rollback');
		const ready = await readiness(server);
		expect(ready.status).toBe(503);
		expect(ready.body.status).toBe('not ready');
		expect(ready.body.reasons.join('\n')).toContain('SQLITE_FULL');
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
		expect((await fetch(`${server.url}/people`, { headers: { cookie } })).status, 'reading still works').toBe(
			200
		);

		// Room again: saving works without a restart.
		rmSync(join(dir, 'filler'));
		expect((await savePerson(server, cookie, 'FillerAfter')).status).toBe(303);
		await server.stop();

		// Every save is whole (the person with its audit entry) or absent.
		const { people, audited, integrity } = await withDatabase(databaseUrl, async (db) => ({
			people: (await db.selectFrom('person').select('family_name').execute()).map((p) => p.family_name),
			audited: await db
				.selectFrom('audit_entry')
				.select('entity_id')
				.where('entity_type', '=', 'person')
				.where('action', '=', 'person.create')
				.execute(),
			integrity: (await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db)).rows
		}));
		expect(integrity).toEqual([{ integrity_check: 'ok' }]);
		expect(people.sort()).toEqual([...saved, 'FillerAfter'].sort());
		expect(people).not.toContain(refusedName);
		expect(people).not.toContain('FillerEnhanced');
		expect(audited).toHaveLength(people.length);
		console.info(`[faults] ${saved.length} saves fitted on the full disk before it refused one with 503`);
	});

	test('a database file made immutable before the start: the server refuses to start and says why', async () => {
		const databaseUrl = join(tempDir(), 'protokol.db');
		await addUser(databaseUrl, 'officer');
		immutable(databaseUrl);

		const started = serve(databaseUrl);
		await expect(started).rejects.toThrow(/exited \(1\)/);
		await expect(started).rejects.toThrow(
			`cannot start: SQLite ${databaseUrl}: its database cannot be written to (EPERM: ${databaseUrl} cannot be written)`
		);
	});

	test('a database made immutable while the server runs: 503 with the cause logged, no crash, saving again once writable', async () => {
		const databaseUrl = join(tempDir(), 'protokol.db');
		const officer = await addUser(databaseUrl, 'officer');
		const server = await serve(databaseUrl);
		const cookie = await signInOverHttp(server, officer);
		expect((await savePerson(server, cookie, 'FillerBefore')).status).toBe(303);

		immutable(databaseUrl, `${databaseUrl}-wal`);
		const refused = await savePerson(server, cookie, 'FillerRefused');
		expect(refused.status, server.output()).toBe(503);
		expect(await refused.text()).toContain('The server cannot save right now');
		expect(server.output()).toMatch(
			/answered 503: its database cannot be written to \(SQLITE_(IOERR|READONLY)/
		);
		const ready = await readiness(server);
		expect(ready.status).toBe(503);
		expect(ready.body.reasons.join('\n')).toContain(`EPERM: ${databaseUrl} cannot be written`);
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

		execFileSync('chattr', ['-i', databaseUrl, `${databaseUrl}-wal`]);
		expect((await savePerson(server, cookie, 'FillerAfter')).status).toBe(303);
		await server.stop();
		expect(await server.exited).toEqual({ code: 0, signal: null });
		const people = await withDatabase(databaseUrl, (db) =>
			db.selectFrom('person').select('family_name').orderBy('family_name').execute()
		);
		expect(people.map((p) => p.family_name)).toEqual(['FillerAfter', 'FillerBefore']);
	});
});
