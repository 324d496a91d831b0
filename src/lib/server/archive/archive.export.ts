/**
 * Writing an archive of everything (what it holds: archive.manifest.ts) as a stream, to a file or an
 * HTTP response, with flat memory whatever the size of the office: each table is read a page at a time
 * along its primary key, inside one read-only transaction (one snapshot: the archive shows one moment),
 * and each page goes into the ZIP stream before the next is read. A slow reader holds the reading back.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { Readable, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { findLatestMigration, listEnclosedContent, listTables } from '../backup/backup.repository';
import type { DataLocation } from '../backup/backup.service';
import { csvCell, csvStream } from '../csv';
import { openSqliteCopy } from '../backup/backup.sqlite';
import { openDatabase, parseDatabaseUrl, type DatabaseHandle } from '../db/connection';
import { localFileStorage, type FileStorage } from '../files/file.storage';
import {
	fileMember,
	MANIFEST_MEMBER,
	README_MEMBER,
	README_TEXT,
	tableMember,
	type ArchiveManifest,
	type ArchiveMember
} from './archive.manifest';
import {
	describeTable,
	findLastIssuedId,
	listRowsAfter,
	type Row,
	type TableShape
} from './archive.repository';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** Kysely's bookkeeping: the schema version stands in the manifest instead. */
/**
 * The migrator's bookkeeping, and the read API's tokens: a token is a live credential of this
 * installation, not the office's data, and an archive is a file that travels (to another engine, a test
 * copy, a shelf). Imported elsewhere, the hashes would let the integrations' tokens in there too; after a
 * move, an administrator issues new ones. Who issued and revoked which stays in the audit trail. And
 * SQLite's search term list (search_term), which its triggers write again as the search documents are
 * imported, and which PostgreSQL does not have.
 */
const NOT_EXPORTED = new Set(['kysely_migration', 'kysely_migration_lock', 'api_token', 'search_term']);
/** Rows per read: a page is what the export holds in memory at once. */
const PAGE_ROWS = 2_000;

export interface ExportProgress {
	table: string;
	/** Rows of the table written so far. */
	rows: number;
	done: boolean;
}

export interface ExportOptions {
	/** Stops the export (the download was cancelled): it then rejects, and the output is destroyed. */
	signal?: AbortSignal;
	/** Called after each page of rows and at the end of each table. */
	onProgress?: (progress: ExportProgress) => void;
	now?: Date;
}

/**
 * Writes the archive of the database and file store at `from` into `output`, and returns its manifest.
 * The database is read through a connection of its own, so a server that exports keeps answering.
 */
export async function writeArchive(
	from: DataLocation,
	output: Writable,
	options: ExportOptions = {}
): Promise<ArchiveManifest> {
	const handle = openReader(from.databaseUrl);
	const stop = new AbortController();
	const abort = () => stop.abort(options.signal?.reason);
	options.signal?.addEventListener('abort', abort, { once: true });
	const zip = new yazl.ZipFile();
	const written = pipeline(zip.outputStream, output, { signal: stop.signal });
	// A reader that goes away stops the reading too.
	written.catch((error: unknown) => stop.abort(error));
	try {
		const manifest = await readSnapshot(handle, (tx) =>
			writeMembers(tx, handle, zip, localFileStorage(from.filesDirectory), {
				...options,
				signal: stop.signal,
				now: options.now ?? new Date()
			})
		);
		zip.end();
		await written;
		return manifest;
	} catch (error) {
		stop.abort(error);
		await written.catch(() => {});
		throw error;
	} finally {
		options.signal?.removeEventListener('abort', abort);
		await handle.close();
	}
}

/**
 * A connection of the export's own. On SQLite a read-only one: a writer's connection would checkpoint
 * the WAL as it closes, holding the server's writes back while it waits for them.
 */
function openReader(databaseUrl: string): Pick<DatabaseHandle, 'db' | 'engine' | 'schema' | 'close'> {
	const location = parseDatabaseUrl(databaseUrl);
	if (location.engine === 'postgres') return openDatabase(databaseUrl);
	if (!existsSync(location.filename)) {
		throw new Error(`There is no SQLite database at ${location.filename}: there is nothing to export.`);
	}
	return { ...openSqliteCopy(location.filename), engine: 'sqlite' };
}

function readSnapshot<T>(
	handle: Pick<DatabaseHandle, 'db' | 'engine'>,
	read: (tx: Kysely<Database>) => Promise<T>
): Promise<T> {
	const transaction = handle.db.transaction().setAccessMode('read only');
	return handle.engine === 'postgres'
		? transaction.setIsolationLevel('repeatable read').execute(read)
		: transaction.execute(read);
}

async function writeMembers(
	tx: Kysely<Database>,
	{ engine, schema }: Pick<DatabaseHandle, 'engine' | 'schema'>,
	zip: yazl.ZipFile,
	files: FileStorage,
	options: ExportOptions & { signal: AbortSignal; now: Date }
): Promise<ArchiveManifest> {
	const { signal, now } = options;
	const add = (name: string, content: Readable) => addMember(zip, name, content, now, signal);
	const names = await listTables(tx, engine, schema);
	const schemaVersion = names.includes('kysely_migration') ? await findLatestMigration(tx) : null;
	if (!schemaVersion) throw new Error('The database has never been migrated: there is nothing to export.');
	const readme = await add(README_MEMBER, Readable.from([README_TEXT]));
	const tables: ArchiveManifest['tables'] = [];
	for (const name of names) {
		if (NOT_EXPORTED.has(name)) continue;
		const shape = await describeTable(tx, engine, name);
		if (shape.key.length === 0) throw new Error(`The table ${name} has no primary key to read it by.`);
		let rows = 0;
		const counted = async function* () {
			for await (const page of pagesOf(tx, shape)) {
				rows += page.length;
				options.onProgress?.({ table: name, rows, done: false });
				yield page;
			}
		};
		const jsonl = await add(tableMember(name, 'jsonl'), Readable.from(jsonLines(counted())));
		options.onProgress?.({ table: name, rows, done: true });
		const csv = await add(
			tableMember(name, 'csv'),
			csvStream(shape.columns, pagesOf(tx, shape), (row) => shape.columns.map((c) => csvValue(row[c])))
		);
		const lastId = shape.identity ? await findLastIssuedId(tx, engine, name) : null;
		tables.push({ name, columns: shape.columns, rows, lastId, jsonl, csv });
	}
	const enclosed = await listEnclosedContent(tx);
	for (const file of enclosed) {
		const content = await files.get(file.sha256);
		if (!content)
			throw new Error(`The file ${file.sha256} that letters enclose is missing from the file store.`);
		const member = await add(fileMember(file.sha256), content);
		if (member.sha256 !== file.sha256 || member.size !== file.size) {
			throw new Error(`The file ${file.sha256} in the file store does not match its SHA-256: it is damaged.`);
		}
	}
	const manifest: ArchiveManifest = {
		format: 'protokol-archive',
		formatVersion: 1,
		createdAt: now.toISOString(),
		engine,
		schemaVersion,
		tables,
		files: enclosed,
		readme
	};
	zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, '\t')}\n`), MANIFEST_MEMBER, { mtime: now });
	return manifest;
}

/** The table's rows, a page at a time, in primary-key order. */
async function* pagesOf(tx: Kysely<Database>, shape: TableShape): AsyncGenerator<Row[]> {
	let after: unknown[] | null = null;
	for (;;) {
		const page = await listRowsAfter(tx, shape, after, PAGE_ROWS);
		if (page.length > 0) yield page.map((row) => canonicalRow(row));
		if (page.length < PAGE_ROWS) return;
		const last = page[page.length - 1]!;
		after = shape.key.map((column) => last[column]);
	}
}

/**
 * PostgreSQL keeps JSON columns as jsonb, which orders an object's keys its own way and spaces them:
 * written with sorted keys, the same value is the same text from either engine. (Every JSON column's
 * name ends in _json; tests/integration/archive.test.ts holds the schema to that.)
 */
function canonicalRow(row: Row): Row {
	for (const column of Object.keys(row)) {
		const value = row[column];
		if (column.endsWith('_json') && typeof value === 'string') {
			row[column] = JSON.stringify(sortKeys(JSON.parse(value)));
		}
	}
	return row;
}

function sortKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(sortKeys);
	if (value === null || typeof value !== 'object') return value;
	return Object.fromEntries(
		Object.keys(value)
			.sort()
			.map((key) => [key, sortKeys((value as Record<string, unknown>)[key])])
	);
}

async function* jsonLines(pages: AsyncIterable<Row[]>): AsyncGenerator<string> {
	for await (const page of pages) yield page.map((row) => `${JSON.stringify(row)}\n`).join('');
}

function csvValue(value: unknown): string {
	if (value === null || value === undefined) return '';
	return typeof value === 'string' ? csvCell(value) : String(value);
}

/** Adds one member and streams its content in, measuring it on the way; resolves once all is in. */
async function addMember(
	zip: yazl.ZipFile,
	name: string,
	content: Readable,
	mtime: Date,
	signal: AbortSignal
): Promise<ArchiveMember> {
	const hash = createHash('sha256');
	let size = 0;
	const measure = new Transform({
		transform(chunk: Buffer | string, _encoding, done) {
			const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
			hash.update(bytes);
			size += bytes.length;
			done(null, bytes);
		}
	});
	zip.addReadStream(measure, name, { mtime });
	await pipeline(content, measure, { signal });
	return { sha256: hash.digest('hex'), size };
}
