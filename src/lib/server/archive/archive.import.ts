/**
 * Loading an archive (archive.manifest.ts) into an empty database of either engine: every row with its
 * id, in one transaction, each member checked against the SHA-256 and size of the manifest as it is
 * read, so that a damaged or altered archive leaves nothing behind. The derived tables (search
 * documents, chooser words, dossier entries, name keys) come as they are: the app folds their text, not
 * the engine, so they hold the same on either; `npm run db:reindex` writes them anew if ever wanted.
 */
import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';
import { Transform, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { migrations } from '../../../../db/migrations';
import { countRows, countRowsOfDataTables, listTables } from '../backup/backup.repository';
import type { DataLocation } from '../backup/backup.service';
import { openDatabase, type Engine } from '../db/connection';
import { migrateToLatest } from '../db/migrator';
import { stageFile } from '../files/file.staging';
import { localFileStorage } from '../files/file.storage';
import {
	fileMember,
	MANIFEST_MEMBER,
	parseManifest,
	README_MEMBER,
	tableMember,
	type ArchiveManifest,
	type ArchiveMember
} from './archive.manifest';
import {
	checkForeignKeys,
	deferForeignKeys,
	deleteAllRows,
	describeTable,
	insertRows,
	listReferencedTables,
	setLastIssuedId,
	type Row
} from './archive.repository';

/** Tables the triggers write as rows go in (pending notes, feed changes): loaded last, as the archive has them. */
const WRITTEN_BY_TRIGGERS = ['search_pending', 'dossier_pending', 'feed_change'];
/** Parameters per INSERT stay well under SQLite's 32 766 and PostgreSQL's 65 535. */
const PARAMETERS_PER_INSERT = 16_000;
const LARGEST_MANIFEST = 64 * 1024 * 1024;

/** The archive cannot be imported (damaged, of another schema, or the database is not empty). */
export class ImportRefused extends Error {}

export interface ImportProgress {
	table: string;
	rows: number;
	done: boolean;
}

export interface ImportResult {
	manifest: ArchiveManifest;
	/** The database imported into, without credentials. */
	description: string;
}

/**
 * Imports the archive at `file` into the database and file store of `to`. The database is migrated
 * first when it is new; it must then hold no rows and be at the archive's schema version.
 */
export async function importArchive(
	file: string,
	to: DataLocation,
	options: { onProgress?: (progress: ImportProgress) => void } = {}
): Promise<ImportResult> {
	const zip = await yauzl.openPromise(file, { autoClose: false, strictFileNames: true }).catch((error) => {
		throw new ImportRefused(`${file} is not a ZIP file (${error instanceof Error ? error.message : error}).`);
	});
	try {
		const entries = new Map<string, yauzl.Entry>();
		for await (const entry of zip.eachEntry()) entries.set(entry.fileName, entry);
		const manifest = await readManifestMember(zip, entries, file);
		checkMembersPresent(manifest, entries, file);
		const latest = Object.keys(migrations).at(-1)!;
		if (manifest.schemaVersion !== latest) {
			throw new ImportRefused(
				`This archive is of schema ${manifest.schemaVersion}, and this Protokol is at ${latest}. ` +
					(manifest.schemaVersion in migrations
						? 'Import it with the Protokol version that exported it, then upgrade (npm run db:migrate), ' +
							'or export it again from a Protokol at this version.'
						: 'It was made by a newer Protokol: import it with that version.')
			);
		}
		const open = (name: string) => zip.openReadStreamPromise(entries.get(name)!);
		// Everything but the rows is checked before the database is touched; the rows as they go in.
		await checkMember(await open(README_MEMBER), manifest.readme, README_MEMBER);
		for (const table of manifest.tables) {
			await checkMember(
				await open(tableMember(table.name, 'csv')),
				table.csv,
				tableMember(table.name, 'csv')
			);
		}

		const handle = openDatabase(to.databaseUrl);
		try {
			await migrateToLatest(handle);
			const { db, engine, description } = handle;
			const held = await countRowsOfDataTables(db, engine, handle.schema);
			if (Object.keys(held).length > 0) {
				const rows = Object.entries(held)
					.sort(([, a], [, b]) => b - a)
					.slice(0, 3)
					.map(([table, n]) => `${n} ${table}`);
				throw new ImportRefused(
					`${description} is not empty (it holds ${rows.join(', ')}${Object.keys(held).length > 3 ? ' …' : ''}): ` +
						'an import goes only into an empty database. Name a new one with DATABASE_URL or --database.'
				);
			}
			await checkTablesMatch(db, engine, handle.schema, manifest);
			// Files first: an import that fails later leaves spare files at most, never rows without them.
			const store = localFileStorage(to.filesDirectory);
			for (const content of manifest.files) {
				const staged = await stageFile(
					await open(fileMember(content.sha256)),
					store.stagingDirectory,
					Infinity
				);
				if (staged.sha256 !== content.sha256 || staged.size !== content.size) {
					await staged.discard();
					throw new ImportRefused(
						`${file} is damaged: ${fileMember(content.sha256)} does not match its SHA-256.`
					);
				}
				await store.put(content.sha256, staged.path);
			}
			const order = await loadingOrder(db, engine, manifest);
			await db.transaction().execute(async (tx) => {
				const deferred = await deferForeignKeys(tx, engine);
				for (const table of order) {
					if (WRITTEN_BY_TRIGGERS.includes(table.name)) await deleteAllRows(tx, table.name);
					let rows = 0;
					const batch: Row[] = [];
					const batchSize = Math.max(1, Math.floor(PARAMETERS_PER_INSERT / table.columns.length));
					const member = tableMember(table.name, 'jsonl');
					const measured = await readMember(await open(member), table.jsonl, member, async (lines) => {
						for await (const line of lines) {
							batch.push(parseRow(line, table.columns, member, rows + batch.length + 1));
							if (batch.length < batchSize) continue;
							await insertRows(tx, table.name, batch.splice(0));
							rows += batchSize;
							options.onProgress?.({ table: table.name, rows, done: false });
						}
						rows += batch.length;
						await insertRows(tx, table.name, batch.splice(0));
					});
					if (measured) throw new ImportRefused(`${file} is damaged: ${measured}`);
					if (rows !== table.rows) {
						throw new ImportRefused(
							`${file} is damaged: ${member} has ${rows} rows where the manifest counts ${table.rows}.`
						);
					}
					if (table.lastId !== null) await setLastIssuedId(tx, engine, table.name, table.lastId);
					options.onProgress?.({ table: table.name, rows, done: true });
				}
				await checkForeignKeys(tx, deferred);
				const counted = await countRows(
					tx,
					manifest.tables.map((table) => table.name)
				);
				const differences = manifest.tables.filter((table) => counted[table.name] !== table.rows);
				if (differences.length > 0) {
					throw new Error(
						`After the import, ${differences.map((t) => `${t.name} has ${counted[t.name]} rows, not ${t.rows}`).join('; ')}.`
					);
				}
			});
			return { manifest, description };
		} finally {
			await handle.close();
		}
	} finally {
		zip.close();
	}
}

async function readManifestMember(
	zip: yauzl.ZipFile,
	entries: Map<string, yauzl.Entry>,
	file: string
): Promise<ArchiveManifest> {
	const entry = entries.get(MANIFEST_MEMBER);
	if (!entry) {
		throw new ImportRefused(
			`${file} has no ${MANIFEST_MEMBER}: it is not an archive made by npm run export.`
		);
	}
	if (entry.uncompressedSize > LARGEST_MANIFEST)
		throw new ImportRefused(`${file}: its manifest is too large.`);
	const chunks: Buffer[] = [];
	for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
	const read = parseManifest(Buffer.concat(chunks).toString('utf8'));
	if ('problem' in read) throw new ImportRefused(`${file}: ${read.problem}`);
	return read.manifest;
}

/** Every member the manifest names is in the ZIP with the size it gives, and nothing else is. */
function checkMembersPresent(
	manifest: ArchiveManifest,
	entries: Map<string, yauzl.Entry>,
	file: string
): void {
	const expected = new Map<string, ArchiveMember>([
		[README_MEMBER, manifest.readme],
		...manifest.tables.flatMap((table) => [
			[tableMember(table.name, 'jsonl'), table.jsonl] as const,
			[tableMember(table.name, 'csv'), table.csv] as const
		]),
		...manifest.files.map((content) => [fileMember(content.sha256), content] as const)
	]);
	const problems: string[] = [];
	for (const [name, member] of expected) {
		const entry = entries.get(name);
		if (!entry) problems.push(`${name} is missing`);
		else if (entry.uncompressedSize !== member.size) {
			problems.push(`${name} is ${entry.uncompressedSize} bytes, not the ${member.size} of the manifest`);
		}
	}
	for (const name of entries.keys()) {
		if (name !== MANIFEST_MEMBER && !expected.has(name)) problems.push(`${name} is not in the manifest`);
	}
	if (problems.length > 0) throw new ImportRefused(`${file} is damaged: ${problems.slice(0, 5).join('; ')}.`);
}

/** The database's tables and columns are the archive's (they are, at the same schema version, unless altered). */
async function checkTablesMatch(
	db: Parameters<typeof listTables>[0],
	engine: Engine,
	schema: string | undefined,
	manifest: ArchiveManifest
): Promise<void> {
	const present = new Set(await listTables(db, engine, schema));
	for (const table of manifest.tables) {
		if (!present.has(table.name)) throw new ImportRefused(`The database has no table ${table.name}.`);
		const { columns } = await describeTable(db, engine, table.name);
		const missing = table.columns.filter((column) => !columns.includes(column));
		if (missing.length > 0) {
			throw new ImportRefused(`The database's table ${table.name} has no column ${missing.join(', ')}.`);
		}
	}
}

/**
 * The tables, each after those it refers to (a trigger may read them: a participation takes its event's
 * start), then the pending notes the triggers wrote meanwhile, replaced by the archive's.
 */
async function loadingOrder(
	db: Parameters<typeof listTables>[0],
	engine: Engine,
	manifest: ArchiveManifest
): Promise<ArchiveManifest['tables']> {
	const references = await listReferencedTables(
		db,
		engine,
		manifest.tables.map((table) => table.name)
	);
	const ordered: ArchiveManifest['tables'] = [];
	const placed = new Set<string>();
	const visiting = new Set<string>();
	const byName = new Map(manifest.tables.map((table) => [table.name, table]));
	const place = (name: string) => {
		if (placed.has(name) || visiting.has(name) || !byName.has(name)) return;
		visiting.add(name);
		// A cycle (or a table referring to itself) is left to the deferred foreign keys.
		for (const target of references.get(name) ?? []) place(target);
		visiting.delete(name);
		placed.add(name);
		ordered.push(byName.get(name)!);
	};
	for (const table of manifest.tables) if (!WRITTEN_BY_TRIGGERS.includes(table.name)) place(table.name);
	return [...ordered, ...manifest.tables.filter((table) => WRITTEN_BY_TRIGGERS.includes(table.name))];
}

/** One line of a table's JSON lines, as a row of exactly the manifest's columns. */
function parseRow(line: string, columns: string[], member: string, lineNumber: number): Row {
	let row: unknown;
	try {
		row = JSON.parse(line);
	} catch {
		throw new ImportRefused(`Line ${lineNumber} of ${member} is not JSON: the archive is damaged.`);
	}
	if (row === null || typeof row !== 'object' || Array.isArray(row)) {
		throw new ImportRefused(`Line ${lineNumber} of ${member} is not a row: the archive is damaged.`);
	}
	const keys = Object.keys(row);
	if (keys.length !== columns.length || !columns.every((column) => column in row)) {
		throw new ImportRefused(
			`Line ${lineNumber} of ${member} does not have the columns the manifest names: the archive is damaged.`
		);
	}
	return row as Row;
}

/**
 * Reads a member through `use`, line by line, while measuring its bytes; why they are not the
 * manifest's, or null when they are.
 */
async function readMember(
	content: Readable,
	expected: ArchiveMember,
	name: string,
	use: (lines: AsyncIterable<string>) => Promise<void>
): Promise<string | null> {
	const hash = createHash('sha256');
	let size = 0;
	const measure = new Transform({
		transform(chunk: Buffer, _encoding, done) {
			hash.update(chunk);
			size += chunk.length;
			done(null, chunk);
		}
	});
	const lines = createInterface({ input: content.pipe(measure), crlfDelay: Infinity });
	await use(lines);
	const sha256 = hash.digest('hex');
	if (sha256 !== expected.sha256) return `${name} does not match its SHA-256`;
	if (size !== expected.size) return `${name} is ${size} bytes, not ${expected.size}`;
	return null;
}

async function checkMember(content: Readable, expected: ArchiveMember, name: string): Promise<void> {
	const hash = createHash('sha256');
	await pipeline(
		content,
		new Writable({
			write(chunk: Buffer, _encoding, done) {
				hash.update(chunk);
				done();
			}
		})
	);
	if (hash.digest('hex') !== expected.sha256) {
		throw new ImportRefused(`The archive is damaged: ${name} does not match its SHA-256.`);
	}
}
