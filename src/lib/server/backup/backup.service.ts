/**
 * Backing up a running database with the files its letters enclose, checking a backup, and restoring
 * one into an empty database (npm run backup, npm run restore; scheduled by backup.schedule.ts). What a
 * backup folder holds: backup.manifest.ts.
 */
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { migrations } from '../../../../db/migrations';
import { openDatabase, parseDatabaseUrl, type DatabaseHandle } from '../db/connection';
import { localFileStorage, type FileStorage } from '../files/file.storage';
import {
	ContentMissing,
	contentProblem,
	copyContent,
	measureContent,
	type ContentEntry
} from './backup.content';
import {
	backupFilesDirectory,
	DATABASE_COPY,
	readManifest,
	writeManifest,
	type BackupManifest
} from './backup.manifest';
import { dumpPostgres, listDump, restorePostgres, tablesWithData } from './backup.postgres';
import {
	checkIntegrity,
	countRows,
	countRowsOfDataTables,
	exportSnapshot,
	findLatestMigration,
	listEnclosedContent,
	listTables,
	recreateSchema,
	ensureSchema
} from './backup.repository';
import { copySqliteDatabase, openSqliteCopy, restoreSqliteDatabase } from './backup.sqlite';

/** A database (DATABASE_URL) and the folder of the files its letters enclose (FILES_DIR). */
export interface DataLocation {
	databaseUrl: string;
	filesDirectory: string;
}

/** What a database copy holds, read in the same snapshot as the copy itself. */
interface Snapshot {
	schema?: string;
	schemaVersion: string | null;
	tables: Record<string, number>;
	files: ContentEntry[];
}

/** Tries at one backup: a file removed while it is taken sends it back to the start (see takeBackup). */
const BACKUP_ATTEMPTS = 3;

/**
 * Copies the database at `from` and the files its letters enclose into the new folder `directory`, then
 * checks the copy (verifyBackup) and throws when anything is wrong with it. The folder is written under
 * `<directory>.partial` and renamed when complete, so a folder of that name is always a whole backup.
 *
 * The files are copied after the database, only those the copy refers to. That is consistent because a
 * file's content is named by its SHA-256 and never rewritten, and it is in the store before the row that
 * names it commits (correspondence-file.service.ts): everything the snapshot refers to was in the store
 * when the snapshot was taken, and still has the bytes its name says. Files that came later belong to
 * rows the copy does not have. The one way to lose a file is its removal after the snapshot (the last
 * letter enclosing it let go of it); the backup then starts again from a new snapshot, which no longer
 * refers to it.
 */
export async function takeBackup(
	from: DataLocation,
	directory: string,
	now = new Date()
): Promise<BackupManifest> {
	const target = resolve(directory);
	if (await stat(target).catch(() => null)) {
		throw new Error(`${target} exists already: a backup never overwrites anything. Name a new folder.`);
	}
	const partial = `${target}.partial`;
	const officeFiles = localFileStorage(from.filesDirectory);
	const engine = parseDatabaseUrl(from.databaseUrl).engine;
	const databaseFile = join(partial, DATABASE_COPY[engine]);
	for (let attempt = 1; ; attempt++) {
		await rm(partial, { recursive: true, force: true });
		await mkdir(partial, { recursive: true });
		const snapshot =
			engine === 'sqlite'
				? await snapshotSqlite(from.databaseUrl, databaseFile)
				: await snapshotPostgres(from.databaseUrl, databaseFile);
		if (!snapshot.schemaVersion)
			throw new Error('The database has never been migrated: there is nothing to back up.');
		const backupFiles = localFileStorage(backupFilesDirectory(partial));
		const missing = await copyEnclosedFiles(officeFiles, backupFiles, snapshot.files);
		if (missing) {
			if (attempt < BACKUP_ATTEMPTS) continue;
			await rm(partial, { recursive: true, force: true });
			throw new Error(
				`The file ${missing} that letters enclose is missing from ${from.filesDirectory}: it was removed ` +
					`during each of ${BACKUP_ATTEMPTS} tries, or the file store has lost it.`
			);
		}
		await rm(backupFiles.stagingDirectory, { recursive: true, force: true });
		const manifest: BackupManifest = {
			format: 'protokol-backup',
			formatVersion: 1,
			createdAt: now.toISOString(),
			engine,
			...(snapshot.schema ? { schema: snapshot.schema } : {}),
			schemaVersion: snapshot.schemaVersion,
			database: { file: DATABASE_COPY[engine], ...(await measureFile(databaseFile)) },
			tables: snapshot.tables,
			files: snapshot.files
		};
		await writeManifest(partial, manifest);
		const { problems } = await verifyBackup(partial);
		if (problems.length > 0) {
			throw new Error(
				`The backup in ${partial} failed its check:\n${problems.map((p) => `- ${p}`).join('\n')}`
			);
		}
		await rename(partial, target);
		return manifest;
	}
}

async function snapshotSqlite(databaseUrl: string, copyFile: string): Promise<Snapshot> {
	const location = parseDatabaseUrl(databaseUrl);
	if (location.engine !== 'sqlite') throw new Error('not a SQLite database');
	await copySqliteDatabase(location.filename, copyFile);
	// Read from the copy, not the live database: what it holds is then the copy's by construction.
	const copy = openSqliteCopy(copyFile);
	try {
		return await readSnapshot(copy.db, await listTables(copy.db, 'sqlite'));
	} finally {
		await copy.close();
	}
}

/**
 * pg_dump runs while a REPEATABLE READ transaction of ours stays open and exports its snapshot, so the
 * dump, the counts and the list of files all see the same moment.
 */
async function snapshotPostgres(databaseUrl: string, dumpFile: string): Promise<Snapshot> {
	return withDatabase(databaseUrl, ({ db, schema = 'public' }) =>
		db
			.transaction()
			.setIsolationLevel('repeatable read')
			.setAccessMode('read only')
			.execute(async (tx) => {
				const snapshot = await exportSnapshot(tx);
				const read = await readSnapshot(tx, await listTables(tx, 'postgres', schema));
				await dumpPostgres(databaseUrl, { schema, snapshot, file: dumpFile });
				return { ...read, schema };
			})
	);
}

async function readSnapshot(db: Parameters<typeof countRows>[0], tables: string[]): Promise<Snapshot> {
	const schemaVersion = tables.includes('kysely_migration') ? await findLatestMigration(db) : null;
	if (!schemaVersion) return { schemaVersion, tables: {}, files: [] };
	return { schemaVersion, tables: await countRows(db, tables), files: await listEnclosedContent(db) };
}

/** Copies each content; the SHA-256 of the first that is missing from `from`, or null when none is. */
async function copyEnclosedFiles(
	from: FileStorage,
	to: FileStorage,
	files: ContentEntry[]
): Promise<string | null> {
	for (const file of files) {
		try {
			await copyContent(from, to, file);
		} catch (error) {
			if (error instanceof ContentMissing) return error.sha256;
			throw new Error(`Copying from the file store: ${error instanceof Error ? error.message : error}`, {
				cause: error
			});
		}
	}
	return null;
}

function measureFile(path: string) {
	return measureContent(createReadStream(path));
}

export interface BackupCheck {
	/** The manifest, when one could be read. */
	manifest: BackupManifest | null;
	/** What is wrong with the backup, each in a sentence; empty when it is sound. */
	problems: string[];
}

/**
 * Checks a backup folder against its manifest: the database copy has the size and SHA-256 written there;
 * a SQLite copy passes `integrity_check` and holds the counts of rows and the schema version of the
 * manifest; a PostgreSQL dump can be read by pg_restore and holds the rows of every table the manifest
 * counts; every file is there with the bytes its SHA-256 names.
 */
export async function verifyBackup(directory: string): Promise<BackupCheck> {
	const read = await readManifest(directory);
	if ('problem' in read) return { manifest: null, problems: [read.problem] };
	const { manifest } = read;
	const problems: string[] = [];
	const databaseFile = join(directory, manifest.database.file);
	const found = await measureFile(databaseFile).catch(() => null);
	if (!found) problems.push(`${databaseFile} is missing.`);
	else {
		const problem = contentProblem(manifest.database, found);
		if (problem) problems.push(`${databaseFile} is damaged: ${problem.replace(/the file \S+/, 'it')}.`);
		problems.push(...(await checkDatabaseCopy(manifest, databaseFile)));
	}
	const backupFiles = localFileStorage(backupFilesDirectory(directory));
	for (const file of manifest.files) {
		const content = await backupFiles.get(file.sha256);
		const problem = content
			? contentProblem(file, await measureContent(content))
			: `the file ${file.sha256} is missing`;
		if (problem) problems.push(`In ${backupFilesDirectory(directory)}, ${problem}.`);
	}
	return { manifest, problems };
}

async function checkDatabaseCopy(manifest: BackupManifest, databaseFile: string): Promise<string[]> {
	if (manifest.engine === 'postgres') {
		let list: string;
		try {
			list = await listDump(databaseFile);
		} catch (error) {
			return [`${databaseFile} cannot be read: ${error instanceof Error ? error.message : error}`];
		}
		const dumped = tablesWithData(list, manifest.schema ?? 'public');
		return Object.keys(manifest.tables)
			.filter((table) => !dumped.has(table))
			.map((table) => `${databaseFile} holds no rows of the table ${table}.`);
	}
	let copy: ReturnType<typeof openSqliteCopy> | null = null;
	try {
		copy = openSqliteCopy(databaseFile);
		const integrity = await checkIntegrity(copy.db);
		if (integrity.join() !== 'ok') return [`${databaseFile} fails integrity_check: ${integrity.join('; ')}`];
		const problems = countProblems(
			manifest.tables,
			await countRows(copy.db, await listTables(copy.db, 'sqlite'))
		);
		const schemaVersion = await findLatestMigration(copy.db);
		if (schemaVersion !== manifest.schemaVersion) {
			problems.push(`The copy's newest migration is ${schemaVersion}, not ${manifest.schemaVersion}.`);
		}
		return problems.map((problem) => `${databaseFile}: ${problem}`);
	} catch (error) {
		return [
			`${databaseFile} cannot be read as a database: ${error instanceof Error ? error.message : error}`
		];
	} finally {
		await copy?.close();
	}
}

/** Each table whose count differs from the manifest's, in a sentence. */
function countProblems(expected: Record<string, number>, found: Record<string, number>): string[] {
	const tables = [...new Set([...Object.keys(expected), ...Object.keys(found)])].sort();
	return tables
		.filter((table) => expected[table] !== found[table])
		.map(
			(table) =>
				`the table ${table} has ${found[table] ?? 'no'} rows where the manifest counts ${expected[table] ?? 'none'}.`
		);
}

export interface RestoreResult {
	manifest: BackupManifest;
	/** The database restored into, without credentials. */
	description: string;
}

/** The database holds data and the restore was not told to replace it. */
export class DatabaseNotEmpty extends Error {}

/**
 * Restores the backup in `directory` into the database and the files folder of `to`, after checking it
 * (verifyBackup). The database must hold no data (the migrations' own bookkeeping aside) unless `force`
 * is given; then everything in it is replaced. The files are copied first: a restore that fails half-way
 * leaves spare files at most, never rows without their files. The server must not be running on it.
 */
export async function restoreBackup(
	directory: string,
	to: DataLocation,
	options: { force: boolean }
): Promise<RestoreResult> {
	const { manifest, problems } = await verifyBackup(directory);
	if (!manifest || problems.length > 0) {
		throw new Error(
			`${resolve(directory)} is not a sound backup:\n${problems.map((p) => `- ${p}`).join('\n')}`
		);
	}
	if (!(manifest.schemaVersion in migrations)) {
		throw new Error(
			`This backup was made by a newer Protokol (schema ${manifest.schemaVersion}): restore it with that version.`
		);
	}
	const { description, schema } = await checkRestoreTarget(to.databaseUrl, manifest, options);
	const backupFiles = localFileStorage(backupFilesDirectory(directory));
	const officeFiles = localFileStorage(to.filesDirectory);
	for (const file of manifest.files) await copyContent(backupFiles, officeFiles, file);

	const databaseFile = join(directory, manifest.database.file);
	const location = parseDatabaseUrl(to.databaseUrl);
	if (location.engine === 'sqlite') await restoreSqliteDatabase(databaseFile, location.filename);
	else {
		await withDatabase(to.databaseUrl, async ({ db }) => {
			// pg_restore makes every object anew: tables left from before (empty, or replaced with --force)
			// would stop it.
			if ((await listTables(db, 'postgres', schema)).length > 0) await recreateSchema(db, schema);
			else await ensureSchema(db, schema);
		});
		await restorePostgres(to.databaseUrl, { schema, file: databaseFile });
	}
	const restored = await withDatabase(to.databaseUrl, ({ db }) =>
		countRows(db, Object.keys(manifest.tables))
	);
	const differences = countProblems(manifest.tables, restored);
	if (differences.length > 0) {
		throw new Error(`The restored ${description} differs from the backup: ${differences.join(' ')}`);
	}
	return { manifest, description };
}

/** Refuses a database of the other engine, another schema, or one that holds data (unless forced). */
async function checkRestoreTarget(
	databaseUrl: string,
	manifest: BackupManifest,
	options: { force: boolean }
): Promise<{ description: string; schema: string }> {
	return withDatabase(databaseUrl, async ({ db, engine, description, schema = 'public' }) => {
		if (engine !== manifest.engine) {
			throw new Error(
				`This backup is of a ${ENGINE_NAMES[manifest.engine]} database, and DATABASE_URL names a ` +
					`${ENGINE_NAMES[engine]} one: restore it into the same engine.`
			);
		}
		if (engine === 'postgres' && schema !== (manifest.schema ?? 'public')) {
			throw new Error(
				`This backup is of the schema ${manifest.schema}; DATABASE_URL names the schema ${schema}. ` +
					`Restore it into a schema of the same name (?schema=${manifest.schema} in DATABASE_URL).`
			);
		}
		const held = await countRowsOfDataTables(db, engine, schema);
		if (Object.keys(held).length > 0 && !options.force) {
			const largest = Object.entries(held)
				.sort(([, a], [, b]) => b - a)
				.slice(0, 3)
				.map(([table, n]) => `${n} ${table}`);
			const total = Object.values(held).reduce((sum, n) => sum + n, 0);
			const rows = `${total} rows in ${Object.keys(held).length} tables, among them ${largest.join(', ')}`;
			throw new DatabaseNotEmpty(
				`${description} holds data (${rows}). A restore would replace all of it: stop the server, ` +
					`then run the restore again with --force if that is what you want.`
			);
		}
		return { description, schema };
	});
}

const ENGINE_NAMES = { sqlite: 'SQLite', postgres: 'PostgreSQL' } as const;

async function withDatabase<T>(databaseUrl: string, use: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
	const handle = openDatabase(databaseUrl);
	try {
		return await use(handle);
	} finally {
		await handle.close();
	}
}
