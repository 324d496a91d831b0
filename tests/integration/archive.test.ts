/**
 * The archive of everything (npm run export, npm run import) on real databases and file stores: the
 * demo data and a generated office go SQLite → archive → PostgreSQL → archive, and the two archives
 * hold the same members byte for byte (tables as JSON lines and CSV, files, README); their manifests
 * differ only where they must — when each was made and from which engine. Ids go along, and so does
 * the last id each table handed out. An import is refused into a database that holds data, for an
 * archive whose bytes were altered (leaving nothing behind), and for one of another schema version.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql, type Kysely } from 'kysely';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeArchive } from '$lib/server/archive/archive.export';
import { ImportRefused, importArchive } from '$lib/server/archive/archive.import';
import type { ArchiveManifest } from '$lib/server/archive/archive.manifest';
import { countRowsOfDataTables } from '$lib/server/backup/backup.repository';
import { attachCorrespondenceFile } from '$lib/server/correspondence/correspondence-file.service';
import type { Database } from '$lib/server/db/schema';
import { loadDemoData } from '$lib/server/demo/demo.service';
import { rebuildDossiers } from '$lib/server/dossier/dossier.service';
import { stageFile } from '$lib/server/files/file.staging';
import { localFileStorage } from '$lib/server/files/file.storage';
import { rebuildSearchIndex, searchEverything } from '$lib/server/search/search.service';
import { searchChoices } from '$lib/server/choosers/chooser.service';
import { createVenue } from '$lib/server/venues/venue.service';
import { runScript } from '../helpers/cli';
import { engines, skippedEngines, type TestDatabase } from '../helpers/databases';
import { pdfFile } from '../helpers/documents';
import { generatedDatabase } from '../helpers/generated';

const SYSTEM = { userId: null, label: 'test setup', role: 'system' as const };
const ARCHIVE = 'scripts/archive.ts';
const sqlite = engines.find((engine) => engine.engine === 'sqlite')!;
const postgres = engines.find((engine) => engine.engine === 'postgres');

let root: string;
const opened: TestDatabase[] = [];
beforeAll(() => {
	root = mkdtempSync(join(tmpdir(), 'protokol-archive-'));
});
afterAll(async () => {
	for (const handle of opened) await handle.cleanup();
	rmSync(root, { recursive: true, force: true });
});

async function open(engine: typeof sqlite, migrate = true): Promise<TestDatabase> {
	const handle = await engine.open({ migrate });
	opened.push(handle);
	return handle;
}

/**
 * What the app adds to any data set: a letter's file (a file member and a correspondence_file row),
 * audit entries with JSON, every derived table written, and an id handed out whose row is gone.
 */
async function enrich(db: Kysely<Database>, filesDirectory: string): Promise<{ deletedVenueId: number }> {
	const letter = await db.selectFrom('correspondence').select('id').orderBy('id').executeTakeFirstOrThrow();
	const storage = localFileStorage(filesDirectory);
	const staged = await stageFile(
		Readable.from([pdfFile(`Letter ${randomBytes(4).toString('hex')}`)]),
		storage.stagingDirectory,
		1 << 20
	);
	await attachCorrespondenceFile(
		db,
		SYSTEM,
		letter.id,
		{ file: { staged, name: 'note-verbale.pdf' }, problem: null },
		1 << 20,
		storage
	);
	const venueId = await createVenue(db, SYSTEM, {
		name: 'Hall to be pulled down',
		address: null,
		city: 'Baku',
		countryCode: 'AZ',
		timeZone: 'Asia/Baku',
		notes: null
	});
	await db.deleteFrom('venue').where('id', '=', venueId).execute();
	await rebuildSearchIndex(db);
	await rebuildDossiers(db);
	return { deletedVenueId: venueId };
}

/** Every member's SHA-256 by name, and the manifest. */
async function readArchive(
	file: string
): Promise<{ members: Map<string, string>; manifest: ArchiveManifest }> {
	const zip = await yauzl.openPromise(file);
	const members = new Map<string, string>();
	let manifest: ArchiveManifest | null = null;
	for await (const entry of zip.eachEntry()) {
		const chunks: Buffer[] = [];
		for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
		const content = Buffer.concat(chunks);
		if (entry.fileName === 'manifest.json') manifest = JSON.parse(content.toString('utf8'));
		else members.set(entry.fileName, createHash('sha256').update(content).digest('hex'));
	}
	return { members, manifest: manifest! };
}

/** The archive's members with `change` applied to each, written as a new archive. */
async function rewriteArchive(from: string, to: string, change: (name: string, content: Buffer) => Buffer) {
	const zip = await yauzl.openPromise(from);
	const out = new yazl.ZipFile();
	const written = pipeline(out.outputStream, createWriteStream(to));
	for await (const entry of zip.eachEntry()) {
		const chunks: Buffer[] = [];
		for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
		out.addBuffer(change(entry.fileName, Buffer.concat(chunks)), entry.fileName);
	}
	out.end();
	await written;
}

/** Both archives hold the same members with the same bytes; the manifests differ in time and engine only. */
async function expectSameArchives(first: string, second: string) {
	const a = await readArchive(first);
	const b = await readArchive(second);
	expect([...b.members.keys()].sort()).toEqual([...a.members.keys()].sort());
	const differing = [...a.members].filter(([name, sha256]) => b.members.get(name) !== sha256);
	expect(differing.map(([name]) => name)).toEqual([]);
	const { createdAt: _a, engine: engineA, ...restA } = a.manifest;
	const { createdAt: _b, engine: engineB, ...restB } = b.manifest;
	expect([engineA, engineB]).toEqual(['sqlite', 'postgres']);
	expect(restB).toEqual(restA);
	return a;
}

const rowsOf = (manifest: ArchiveManifest, table: string) =>
	manifest.tables.find((entry) => entry.name === table)?.rows ?? 0;

describe.skipIf(!postgres)('SQLite → archive → PostgreSQL → archive', () => {
	test('the demo data, through npm run export and npm run import', async () => {
		const source = await open(sqlite);
		const sourceFiles = join(root, 'demo-files');
		await loadDemoData(source.db);
		const { deletedVenueId } = await enrich(source.db, sourceFiles);
		const first = join(root, 'demo-1.zip');
		const exported = runScript(ARCHIVE, ['export', first], {
			env: { DATABASE_URL: source.url, FILES_DIR: sourceFiles }
		});
		expect(exported.status).toBe(0);
		expect(exported.stdout).toMatch(
			/^Exported [\d,]+ rows in \d+ tables at schema \d{8}_\d{4}_\w+, 1 file to /
		);
		// Progress: a line per table on standard error.
		expect(exported.stderr).toMatch(/exported person\s+12 rows/);

		const target = await open(postgres!, false);
		const targetFiles = join(root, 'demo-files-pg');
		const imported = runScript(ARCHIVE, ['import', first, '--database', target.url], {
			env: { FILES_DIR: targetFiles }
		});
		expect(imported.stderr).not.toMatch(/Nothing was imported/);
		expect(imported.status).toBe(0);
		expect(imported.stdout).toMatch(/^Imported [\d,]+ rows in \d+ tables/);

		const second = join(root, 'demo-2.zip');
		const again = runScript(ARCHIVE, ['export', second, '--database', target.url], {
			env: { FILES_DIR: targetFiles }
		});
		expect(again.status).toBe(0);
		const { manifest } = await expectSameArchives(first, second);
		expect(manifest.files).toHaveLength(1);
		for (const table of [
			'person',
			'event',
			'correspondence_file',
			'audit_entry',
			'search_document',
			'chooser_word',
			// The next International Migrants Day's seating plan.
			'seating_plan',
			'seating_table',
			'seating_seat',
			'seating_change'
		]) {
			expect(rowsOf(manifest, table), table).toBeGreaterThan(0);
		}

		// Found there: the search documents and chooser words came as they were, and PostgreSQL indexes them.
		const found = await searchEverything(target.db, 'Migrants Day');
		expect(found.total).toBeGreaterThan(0);
		const chosen = await searchChoices(target.db, SYSTEM, 'person', 'Vüsal');
		expect(chosen.length).toBe(1);

		// A person's current post came with its versions in other languages.
		expect(
			await target.db
				.selectFrom('person')
				.select(['position', 'position_locale', 'position_az', 'position_ru'])
				.where('family_name', '=', 'Nabiyev')
				.executeTakeFirstOrThrow()
		).toEqual({
			position: 'Former Chief of the State Migration Service',
			position_locale: 'en',
			position_az: 'Dövlət Miqrasiya Xidmətinin sabiq rəisi',
			position_ru: 'Бывший начальник Государственной миграционной службы'
		});

		// The id handed out and deleted on SQLite is not handed out again on PostgreSQL.
		const venueId = await createVenue(target.db, SYSTEM, {
			name: 'New hall',
			address: null,
			city: 'Baku',
			countryCode: 'AZ',
			timeZone: 'Asia/Baku',
			notes: null
		});
		expect(venueId).toBe(deletedVenueId + 1);

		// Into a database that now holds data: refused, saying so, and nothing changes.
		const before = await countRowsOfDataTables(target.db, 'postgres', target.schema);
		const refused = runScript(ARCHIVE, ['import', first, '--database', target.url], {
			env: { FILES_DIR: targetFiles }
		});
		expect(refused.status).toBe(1);
		expect(refused.stderr).toMatch(/^Nothing was imported\. PostgreSQL .* is not empty \(it holds \d+ /);
		expect(await countRowsOfDataTables(target.db, 'postgres', target.schema)).toEqual(before);
	}, 120_000);

	test('a generated office of 2 000 events', async () => {
		const source = await generatedDatabase(sqlite, { events: 2_000 });
		opened.push(source);
		const sourceFiles = join(root, 'generated-files');
		await enrich(source.db, sourceFiles);
		const first = join(root, 'generated-1.zip');
		const progress: string[] = [];
		await writeArchive({ databaseUrl: source.url, filesDirectory: sourceFiles }, createWriteStream(first), {
			onProgress: ({ table, done }) => done && progress.push(table)
		});
		expect(progress).toContain('event');

		const target = await open(postgres!, false);
		const targetFiles = join(root, 'generated-files-pg');
		await importArchive(first, { databaseUrl: target.url, filesDirectory: targetFiles });
		const second = join(root, 'generated-2.zip');
		await writeArchive({ databaseUrl: target.url, filesDirectory: targetFiles }, createWriteStream(second));
		const { manifest } = await expectSameArchives(first, second);
		expect(rowsOf(manifest, 'event')).toBe(2_000);
		expect(rowsOf(manifest, 'event_participant')).toBeGreaterThan(2_000);
		for (const table of manifest.tables) {
			const { n } = await (target.db as unknown as Kysely<Record<string, { id: number }>>)
				.selectFrom(table.name)
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow();
			expect(Number(n), table.name).toBe(table.rows);
		}
	}, 300_000);

	test('every JSON column is named *_json (the export writes those with sorted keys)', async () => {
		const target = await open(postgres!);
		const { rows } = await sql<{ column_name: string }>`select column_name from information_schema.columns
			where table_schema = ${target.schema} and data_type in ('json', 'jsonb')`.execute(target.db);
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.filter((row) => !row.column_name.endsWith('_json'))).toEqual([]);
	});
});
for (const skipped of skippedEngines) {
	describe.skip(`${skipped.name} unreachable: ${skipped.reason}`, () => {
		test('SQLite → archive → PostgreSQL → archive', () => {});
	});
}

describe('an archive that cannot be imported', () => {
	let archive: string;
	beforeAll(async () => {
		const source = await open(sqlite);
		await loadDemoData(source.db);
		archive = join(root, 'demo-refusals.zip');
		await writeArchive(
			{ databaseUrl: source.url, filesDirectory: join(root, 'refusal-files') },
			createWriteStream(archive)
		);
	});

	async function importInto(file: string) {
		const target = await open(sqlite, false);
		const refusal = await importArchive(file, {
			databaseUrl: target.url,
			filesDirectory: join(root, `files-${randomBytes(4).toString('hex')}`)
		}).catch((error: unknown) => error);
		return { refusal, held: await countRowsOfDataTables(target.db, 'sqlite') };
	}

	test('one whose rows were altered is refused, and leaves nothing behind', async () => {
		const altered = join(root, 'altered.zip');
		// The same length, so that only the SHA-256 can tell.
		await rewriteArchive(archive, altered, (name, content) =>
			name === 'tables/person.jsonl'
				? Buffer.from(content.toString('utf8').replace('Vüsal', 'Vüsel'))
				: content
		);
		const { refusal, held } = await importInto(altered);
		expect(refusal).toBeInstanceOf(ImportRefused);
		expect((refusal as Error).message).toMatch(
			/is damaged: tables\/person\.jsonl does not match its SHA-256/
		);
		expect(held).toEqual({});
	});

	test('one with a member cut short is refused before anything is written', async () => {
		const cut = join(root, 'cut.zip');
		await rewriteArchive(archive, cut, (name, content) =>
			name === 'tables/event.jsonl' ? content.subarray(0, content.length - 10) : content
		);
		const { refusal, held } = await importInto(cut);
		expect((refusal as Error).message).toMatch(
			/tables\/event\.jsonl is \d+ bytes, not the \d+ of the manifest/
		);
		expect(held).toEqual({});
	});

	test('one of another schema version is refused, naming both', async () => {
		const older = join(root, 'older.zip');
		await rewriteArchive(archive, older, (name, content) => {
			if (name !== 'manifest.json') return content;
			const manifest = JSON.parse(content.toString('utf8')) as ArchiveManifest;
			return Buffer.from(JSON.stringify({ ...manifest, schemaVersion: '20261205_0100_create_agreements' }));
		});
		const { refusal, held } = await importInto(older);
		expect((refusal as Error).message).toMatch(
			/^This archive is of schema 20261205_0100_create_agreements, and this Protokol is at \d{8}_\d{4}_\w+\. Import it with the Protokol version that exported it/
		);
		expect(held).toEqual({});
	});

	test('a file that is not an archive is refused', async () => {
		const { refusal } = await importInto(join(root, 'refusal-files'));
		expect(refusal).toBeInstanceOf(ImportRefused);
	});
});
