/**
 * Backing up the built server's data while it runs: during a burst of saves over HTTP, npm run backup
 * takes a copy that, restored into a new empty database, holds every save acknowledged before the backup
 * began, passes integrity_check and has the counts of its manifest; a letter's file, backed up and
 * restored into a new data folder, is downloaded from a server started there byte for byte; and the
 * server's own scheduled backups keep only BACKUP_KEEP of them.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BackupManifest } from '$lib/server/backup/backup.manifest';
import { listScheduledBackups } from '$lib/server/backup/backup.schedule';
import { openDatabase } from '$lib/server/db/connection';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { runScript, runScriptAlongside } from '../helpers/cli';
import { pdfFile } from '../helpers/documents';
import { startBurstOfSaves } from '../helpers/forms';
import { startServer, type RunningServer } from '../helpers/server';

const LETTER = 1; // the demo data's letter No 09/1502

let dir: string;
const servers: RunningServer[] = [];

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-backup-http-'));
});
afterAll(async () => {
	for (const server of servers) await server.stop();
	rmSync(dir, { recursive: true, force: true });
});

function dataPlace(name: string) {
	return { DATABASE_URL: join(dir, name, 'protokol.db'), FILES_DIR: join(dir, name, 'files') };
}

async function start(place: ReturnType<typeof dataPlace>, env: Record<string, string> = {}) {
	const server = await startServer({
		databaseUrl: place.DATABASE_URL,
		env: { FILES_DIR: place.FILES_DIR, ...env }
	});
	servers.push(server);
	return server;
}

async function readDatabase<T>(
	databaseUrl: string,
	read: (db: ReturnType<typeof openDatabase>['db']) => Promise<T>
) {
	const handle = openDatabase(databaseUrl);
	try {
		return await read(handle.db);
	} finally {
		await handle.close();
	}
}

describe('a backup during a burst of saves', () => {
	test('restored into an empty database, holds every save acknowledged before it began', async () => {
		const office = dataPlace('burst');
		const officer = await addUser(office.DATABASE_URL, 'officer');
		const server = await start(office, { DEMO_DATA: 'off' });
		const cookie = await signInOverHttp(server, officer);

		const burst = startBurstOfSaves(server, cookie, 3);
		const { acknowledged } = burst;
		await new Promise((resolve) => setTimeout(resolve, 500));

		const folder = join(dir, 'burst-backup');
		const before = [...acknowledged];
		const backup = await runScriptAlongside('scripts/backup.ts', ['backup', folder], office);
		const during = acknowledged.length - before.length;
		await burst.stop();
		expect(backup.stderr).toBe('');
		expect(backup.status).toBe(0);
		expect(burst.refused()).toBe(0);
		expect(before.length).toBeGreaterThan(5);
		// The server went on saving while the backup was taken.
		expect(during).toBeGreaterThan(0);

		const fresh = dataPlace('burst-restored');
		const restore = runScript('scripts/backup.ts', ['restore', folder], { env: fresh });
		expect(restore.stderr).toBe('');
		expect(restore.status).toBe(0);
		const manifest: BackupManifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
		const { saved, integrity, people } = await readDatabase(fresh.DATABASE_URL, async (db) => ({
			saved: new Set(
				(await db.selectFrom('person').select('family_name').where('given_name', '=', 'Burst').execute()).map(
					(p) => p.family_name
				)
			),
			integrity: (await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db)).rows,
			people: Number(
				(
					await db
						.selectFrom('person')
						.select((eb) => eb.fn.countAll().as('n'))
						.executeTakeFirstOrThrow()
				).n
			)
		}));
		expect(before.filter((name) => !saved.has(name))).toEqual([]);
		expect(integrity).toEqual([{ integrity_check: 'ok' }]);
		expect(people).toBe(manifest.tables.person);
		console.info(
			`[backup] ${before.length} saves acknowledged before the backup began, all ${before.filter((n) => saved.has(n)).length} restored; ` +
				`${during} more acknowledged while it ran, ${saved.size - before.length} of them in the copy`
		);
	});
});

describe("a letter's file", () => {
	test('backed up and restored into a new data folder, is downloaded byte for byte; scheduled backups keep BACKUP_KEEP', async () => {
		const office = dataPlace('files');
		const backups = join(dir, 'scheduled');
		const officer = await addUser(office.DATABASE_URL, 'officer');
		// A backup about every second, two kept.
		const server = await start(office, {
			BACKUP_DIR: backups,
			BACKUP_INTERVAL_HOURS: String(1 / 3600),
			BACKUP_KEEP: '2'
		});
		const cookie = await signInOverHttp(server, officer);
		const content = pdfFile('Champion countries');
		const form = new FormData();
		form.append('file', new Blob([new Uint8Array(content)]), 'champions.pdf');
		const attached = await fetch(`${server.url}/correspondence/${LETTER}?/attach`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: server.url, accept: 'text/html', cookie },
			body: form
		});
		expect(attached.status).toBe(303);

		const folder = join(dir, 'files-backup');
		const backup = runScript('scripts/backup.ts', ['backup', folder], { env: office });
		expect(backup.stderr).toBe('');
		expect(backup.status).toBe(0);
		const sha256 = createHash('sha256').update(content).digest('hex');
		expect(readdirSync(join(folder, 'files', sha256.slice(0, 2)))).toEqual([sha256]);

		await expect
			.poll(() => server.output(), { timeout: 15_000 })
			.toMatch(/"msg":"backup written to .*; removed protokol-/);
		server.signal('SIGTERM');
		expect(await server.exited).toEqual({ code: 0, signal: null });
		expect(await listScheduledBackups(backups)).toHaveLength(2);

		const restoredPlace = dataPlace('files-restored');
		const restore = runScript('scripts/backup.ts', ['restore', folder], { env: restoredPlace });
		expect(restore.stderr).toBe('');
		expect(restore.status).toBe(0);
		const restored = await start(restoredPlace, { DEMO_DATA: 'off' });
		const restoredCookie = await signInOverHttp(restored, officer);
		const fileId = await readDatabase(
			restoredPlace.DATABASE_URL,
			async (db) =>
				(
					await db
						.selectFrom('correspondence_file')
						.select('id')
						.where('sha256', '=', sha256)
						.executeTakeFirstOrThrow()
				).id
		);
		const download = await fetch(`${restored.url}/correspondence/${LETTER}/files/${fileId}`, {
			headers: { cookie: restoredCookie }
		});
		expect(download.status).toBe(200);
		expect(Buffer.from(await download.arrayBuffer()).equals(content)).toBe(true);
	});
});
