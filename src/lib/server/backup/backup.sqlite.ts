/**
 * SQLite's side of a backup: copies through SQLite's online backup API (better-sqlite3's `backup()`),
 * which reads pages under SQLite's own locks and so is safe while the server writes, unlike copying the
 * file and its WAL by hand.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../db/schema';

/**
 * Pages per step of the backup: all of them. A copy made in several steps starts again whenever another
 * connection writes in between, so under steady writes it might never end; one step reads the whole
 * database inside one read transaction, which in WAL mode holds no writer back, and is a snapshot of one
 * moment. (better-sqlite3's first step copies nothing and only counts the pages.)
 */
const WHOLE_DATABASE = 0x7fffffff;

/** A consistent copy of the database in `sourceFile`, written to `targetFile` (which must not exist). */
export async function copySqliteDatabase(sourceFile: string, targetFile: string): Promise<void> {
	const source = new SQLite(sourceFile, { readonly: true, fileMustExist: true });
	try {
		source.pragma('busy_timeout = 5000');
		await source.backup(targetFile, { progress: () => WHOLE_DATABASE });
	} finally {
		source.close();
	}
	// The copy keeps the source's WAL mode; in rollback mode it is one self-contained file, and opening it
	// read-only later leaves no -wal and -shm files beside it.
	const copy = new SQLite(targetFile, { fileMustExist: true });
	try {
		copy.pragma('journal_mode = DELETE');
	} finally {
		copy.close();
	}
}

/**
 * Writes the database in `copyFile` over the one in `targetFile` (made when missing), through the same
 * API: it takes the target's locks and goes through its WAL, where copying the file over it would leave
 * an old WAL to be replayed onto the new file.
 */
export async function restoreSqliteDatabase(copyFile: string, targetFile: string): Promise<void> {
	await mkdir(dirname(targetFile), { recursive: true });
	const copy = new SQLite(copyFile, { readonly: true, fileMustExist: true });
	try {
		await copy.backup(targetFile, { progress: () => WHOLE_DATABASE });
	} finally {
		copy.close();
	}
}

/**
 * A SQLite file opened read-only for reading what it holds: a backup's copy, or the live database an
 * export reads beside the server (without the pragmas and the closing checkpoint of a writer's
 * connection, which would hold the server's writes back).
 */
export function openSqliteCopy(file: string): { db: Kysely<Database>; close(): Promise<void> } {
	const sqlite = new SQLite(file, { readonly: true, fileMustExist: true });
	sqlite.pragma('busy_timeout = 5000');
	const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
	return { db, close: () => db.destroy() };
}
