/**
 * Backups through the command line as an operator runs them (scripts/backup.ts: npm run backup,
 * backup:verify, restore), on real databases and file stores: a restore refuses a database that holds
 * data unless told to replace it; a damaged backup fails its check, saying what is damaged, and is
 * never restored; PostgreSQL goes through pg_dump and pg_restore into a second database; and the
 * scheduled backups keep only the newest BACKUP_KEEP. A backup under a burst of writes to the running
 * server, and a file restored and downloaded again: tests/http/backup.test.ts.
 */
import { randomBytes } from 'node:crypto';
import {
	cpSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	truncateSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BackupManifest } from '$lib/server/backup/backup.manifest';
import {
	listScheduledBackups,
	makeScheduledBackup,
	scheduledBackupName,
	startScheduledBackups
} from '$lib/server/backup/backup.schedule';
import { attachCorrespondenceFile } from '$lib/server/correspondence/correspondence-file.service';
import { openDatabase } from '$lib/server/db/connection';
import { migrateToLatest } from '$lib/server/db/migrator';
import type { Database } from '$lib/server/db/schema';
import { stageFile } from '$lib/server/files/file.staging';
import { localFileStorage } from '$lib/server/files/file.storage';
import { runScript } from '../helpers/cli';
import { adminQuery, POSTGRES_URL, skippedEngines } from '../helpers/databases';
import { pdfFile } from '../helpers/documents';
import { insertCorrespondence, insertPerson } from '../helpers/factories';

const SYSTEM = { userId: null, label: 'test setup', role: 'system' as const };
const BACKUP = 'scripts/backup.ts';

let root: string;
beforeAll(() => {
	root = mkdtempSync(join(tmpdir(), 'protokol-backup-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A database and a files folder of their own, as DATABASE_URL and FILES_DIR name them. */
function dataPlace(name: string, databaseUrl = join(root, name, 'protokol.db')) {
	return { DATABASE_URL: databaseUrl, FILES_DIR: join(root, name, 'files') };
}

async function withDatabase<T>(databaseUrl: string, use: (db: Kysely<Database>) => Promise<T>): Promise<T> {
	const handle = openDatabase(databaseUrl);
	try {
		await migrateToLatest(handle);
		return await use(handle.db);
	} finally {
		await handle.close();
	}
}

/** Two people and a letter enclosing a PDF, saved as the app saves them. */
async function seed(place: ReturnType<typeof dataPlace>): Promise<Buffer> {
	const content = pdfFile(`Letter ${randomBytes(4).toString('hex')}`);
	await withDatabase(place.DATABASE_URL, async (db) => {
		await insertPerson(db, { given_name: 'Aysel', family_name: 'Mammadova' });
		await insertPerson(db, { given_name: 'Vüsal', family_name: 'Hüseynov' });
		const letter = await insertCorrespondence(db);
		const storage = localFileStorage(place.FILES_DIR);
		const staged = await stageFile(Readable.from([content]), storage.stagingDirectory, 1 << 20);
		await attachCorrespondenceFile(
			db,
			SYSTEM,
			letter.id,
			{ file: { staged, name: 'letter.pdf' }, problem: null },
			1 << 20,
			storage
		);
	});
	return content;
}

const familyNames = (databaseUrl: string) =>
	withDatabase(databaseUrl, async (db) =>
		(await db.selectFrom('person').select('family_name').orderBy('family_name').execute()).map(
			(p) => p.family_name
		)
	);

const manifestOf = (folder: string): BackupManifest =>
	JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));

describe('restoring into a database that holds data', () => {
	test('is refused with the reason and nothing changes; --force replaces what it holds', async () => {
		const office = dataPlace('office');
		await seed(office);
		const folder = join(root, 'office-backup');
		const backup = runScript(BACKUP, ['backup', folder], { env: office });
		expect(backup.stderr).toBe('');
		expect(backup.status).toBe(0);
		expect(backup.stdout).toMatch(/^Backed up \d+ rows in \d+ tables at schema \d{8}_\d{4}_\w+, 1 file \(/);
		await withDatabase(office.DATABASE_URL, (db) =>
			insertPerson(db, { given_name: 'Later', family_name: 'Added' })
		);

		const refused = runScript(BACKUP, ['restore', folder], { env: office });
		expect(refused.status).toBe(1);
		expect(refused.stderr).toContain(`SQLite ${office.DATABASE_URL} holds data (`);
		expect(refused.stderr).toContain('run the restore again with --force');
		expect(await familyNames(office.DATABASE_URL)).toEqual(['Added', 'Hüseynov', 'Mammadova']);

		const forced = runScript(BACKUP, ['restore', folder, '--force'], { env: office });
		expect(forced.stderr).toBe('');
		expect(forced.status).toBe(0);
		expect(await familyNames(office.DATABASE_URL)).toEqual(['Hüseynov', 'Mammadova']);
	});

	test('a migrated database with no rows yet counts as empty', async () => {
		const office = dataPlace('office-2');
		await seed(office);
		const folder = join(root, 'office-2-backup');
		expect(runScript(BACKUP, ['backup', folder], { env: office }).status).toBe(0);
		const fresh = dataPlace('fresh-migrated');
		expect(runScript('scripts/db.ts', ['migrate'], { env: fresh }).status).toBe(0);
		const restored = runScript(BACKUP, ['restore', folder], { env: fresh });
		expect(restored.stderr).toBe('');
		expect(restored.status).toBe(0);
		expect(await familyNames(fresh.DATABASE_URL)).toEqual(['Hüseynov', 'Mammadova']);
	});

	test('used wrongly, the command says how to use it', () => {
		const result = runScript(BACKUP, ['backup'], { env: dataPlace('unused') });
		expect(result.status).toBe(2);
		expect(result.stderr).toContain('Usage: tsx scripts/backup.ts backup <folder>');
	});
});

describe('a damaged backup', () => {
	let sound: string;
	let manifest: BackupManifest;
	beforeAll(async () => {
		const office = dataPlace('source');
		await seed(office);
		sound = join(root, 'sound');
		expect(runScript(BACKUP, ['backup', sound], { env: office }).status).toBe(0);
		manifest = manifestOf(sound);
		expect(runScript(BACKUP, ['verify', sound]).status).toBe(0);
	});

	/** A copy of the sound backup, damaged by `damage`. */
	function damagedCopy(name: string, damage: (folder: string) => void): string {
		const folder = join(root, name);
		cpSync(sound, folder, { recursive: true });
		damage(folder);
		return folder;
	}

	test('a truncated database copy fails the check, naming the file, and is not restored', async () => {
		const folder = damagedCopy('truncated', (f) => truncateSync(join(f, 'database.sqlite'), 4096 * 20));
		const verify = runScript(BACKUP, ['verify', folder]);
		expect(verify.status).toBe(1);
		expect(verify.stderr).toContain(`${folder} is not a sound backup:`);
		expect(verify.stderr).toContain(`- ${folder}/database.sqlite is damaged: it does not match its SHA-256.`);

		const target = dataPlace('not-restored');
		const restore = runScript(BACKUP, ['restore', folder], { env: target });
		expect(restore.status).toBe(1);
		expect(restore.stderr).toContain('is damaged: it does not match its SHA-256');
		expect(await familyNames(target.DATABASE_URL)).toEqual([]);
	});

	test('an altered file fails the check, naming the file', () => {
		const [file] = manifest.files;
		const folder = damagedCopy('altered-file', (f) => {
			const path = join(f, 'files', file!.sha256.slice(0, 2), file!.sha256);
			// The same length, one letter changed.
			writeFileSync(path, readFileSync(path, 'latin1').replace('Letter', 'Lettex'), 'latin1');
		});
		const verify = runScript(BACKUP, ['verify', folder]);
		expect(verify.status).toBe(1);
		expect(verify.stderr.trim().split('\n')).toEqual([
			`${folder} is not a sound backup:`,
			`- In ${folder}/files, the file ${file!.sha256} does not match its SHA-256.`
		]);
	});

	test('a count that differs from the manifest fails the check, naming the table', () => {
		const folder = damagedCopy('miscounted', (f) => {
			const altered = { ...manifest, tables: { ...manifest.tables, person: 3 } };
			writeFileSync(join(f, 'manifest.json'), JSON.stringify(altered));
		});
		const verify = runScript(BACKUP, ['verify', folder]);
		expect(verify.status).toBe(1);
		expect(verify.stderr).toContain(
			`- ${folder}/database.sqlite: the table person has 2 rows where the manifest counts 3.`
		);
	});

	test('a folder without a manifest is not taken for a backup', () => {
		const folder = damagedCopy('no-manifest', (f) => rmSync(join(f, 'manifest.json')));
		const verify = runScript(BACKUP, ['verify', folder]);
		expect(verify.status).toBe(1);
		expect(verify.stderr).toContain(
			`${folder}/manifest.json is missing: this is not a backup made by npm run backup, or one that did not finish.`
		);
	});
});

/** A PostgreSQL database of its own on the test server, dropped again after the file's tests. */
async function createPostgresDatabase(): Promise<string> {
	const name = `protokol_backup_${randomBytes(6).toString('hex')}`;
	await adminQuery(`create database ${name}`);
	createdDatabases.push(name);
	const url = new URL(POSTGRES_URL);
	url.pathname = `/${name}`;
	return url.toString();
}

const createdDatabases: string[] = [];

const postgresProblem = skippedEngines.find((engine) => engine.name === 'PostgreSQL')?.reason;

describe.skipIf(postgresProblem)('PostgreSQL, through pg_dump and pg_restore', () => {
	afterAll(async () => {
		for (const name of createdDatabases) await adminQuery(`drop database if exists ${name} with (force)`);
	});

	test('a backup restores into a second database with every row and file; a damaged dump fails its check', async () => {
		const office = dataPlace('pg-office', await createPostgresDatabase());
		const content = await seed(office);
		const folder = join(root, 'pg-backup');
		const backup = runScript(BACKUP, ['backup', folder], { env: office });
		expect(backup.stderr).toBe('');
		expect(backup.status).toBe(0);
		const manifest = manifestOf(folder);
		expect(manifest).toMatchObject({
			engine: 'postgres',
			schema: 'public',
			database: { file: 'database.pgdump' }
		});
		expect(manifest.tables).toMatchObject({ person: 2, correspondence: 1, correspondence_file: 1 });

		const second = dataPlace('pg-second', await createPostgresDatabase());
		const restore = runScript(BACKUP, ['restore', folder], { env: second });
		expect(restore.stderr).toBe('');
		expect(restore.status).toBe(0);
		expect(await familyNames(second.DATABASE_URL)).toEqual(['Hüseynov', 'Mammadova']);
		const counts = await withDatabase(second.DATABASE_URL, async (db) => {
			const { rows } = await sql<{ n: number }>`select count(*) as n from audit_entry`.execute(db);
			return { audit_entry: Number(rows[0]!.n) };
		});
		expect(counts).toEqual({ audit_entry: manifest.tables.audit_entry });
		const [file] = manifest.files;
		expect(readFileSync(join(second.FILES_DIR, file!.sha256.slice(0, 2), file!.sha256)).equals(content)).toBe(
			true
		);
		// Sequences come back with the rows: the next row gets a new id.
		await withDatabase(second.DATABASE_URL, (db) =>
			insertPerson(db, { given_name: 'Next', family_name: 'Person' })
		);

		const again = runScript(BACKUP, ['restore', folder], { env: second });
		expect(again.status).toBe(1);
		expect(again.stderr).toContain('holds data (');

		const damaged = join(root, 'pg-damaged');
		cpSync(folder, damaged, { recursive: true });
		truncateSync(join(damaged, 'database.pgdump'), 2000);
		const verify = runScript(BACKUP, ['verify', damaged]);
		expect(verify.status).toBe(1);
		expect(verify.stderr).toContain(
			`- ${damaged}/database.pgdump is damaged: it does not match its SHA-256.`
		);
		expect(verify.stderr).toContain(`- ${damaged}/database.pgdump cannot be read: pg_restore failed:`);
	});
});

describe('scheduled backups', () => {
	test('keep only the newest BACKUP_KEEP, leaving everything else in the folder alone', async () => {
		const office = dataPlace('scheduled');
		await seed(office);
		const directory = join(root, 'scheduled-backups');
		mkdirSync(join(directory, 'notes'), { recursive: true });
		mkdirSync(join(directory, `${scheduledBackupName(new Date('2026-01-01T00:00:00Z'))}.partial`));
		const from = { databaseUrl: office.DATABASE_URL, filesDirectory: office.FILES_DIR };
		const schedule = { directory, intervalMs: 3_600_000, keep: 2 };
		const times = [
			'2026-12-01T02:00:00Z',
			'2026-12-02T02:00:00Z',
			'2026-12-03T02:00:00Z',
			'2026-12-04T02:00:00Z'
		];
		const removed: string[][] = [];
		for (const time of times)
			removed.push((await makeScheduledBackup(schedule, from, new Date(time))).removed);

		expect(await listScheduledBackups(directory)).toEqual([
			'protokol-2026-12-03T02-00-00-000Z',
			'protokol-2026-12-04T02-00-00-000Z'
		]);
		expect(removed).toEqual([
			['protokol-2026-01-01T00-00-00-000Z.partial'],
			[],
			['protokol-2026-12-01T02-00-00-000Z'],
			['protokol-2026-12-02T02-00-00-000Z']
		]);
		expect(readdirSync(directory).sort()).toEqual([
			'notes',
			'protokol-2026-12-03T02-00-00-000Z',
			'protokol-2026-12-04T02-00-00-000Z'
		]);
	});

	test('the first is made at once when the folder has none, and the next waits for the interval', async () => {
		const office = dataPlace('scheduled-start');
		await seed(office);
		const directory = join(root, 'scheduled-start-backups');
		const schedule = { directory, intervalMs: 3_600_000, keep: 7 };
		const from = { databaseUrl: office.DATABASE_URL, filesDirectory: office.FILES_DIR };
		await withDatabase(office.DATABASE_URL, async (db) => {
			const backups = startScheduledBackups(schedule, from, db);
			await expect.poll(() => listScheduledBackups(directory), { timeout: 10_000 }).toHaveLength(1);
			await backups.stop();

			// Started again within the interval, it makes none.
			const restarted = startScheduledBackups(schedule, from, db);
			await new Promise((resolve) => setTimeout(resolve, 500));
			await restarted.stop();
			expect(await listScheduledBackups(directory)).toHaveLength(1);
			// Nor does a server with a folder of its own, started within the interval of the database's last.
			const elsewhere = join(root, 'scheduled-start-elsewhere');
			const other = startScheduledBackups({ ...schedule, directory: elsewhere }, from, db);
			await new Promise((resolve) => setTimeout(resolve, 500));
			await other.stop();
			expect(await listScheduledBackups(elsewhere)).toEqual([]);
		});
	});
});
