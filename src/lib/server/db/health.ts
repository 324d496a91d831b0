/**
 * Whether the database can take a write now, for the start (which refuses a database it cannot write)
 * and for readiness; and the failures requests met, remembered for a while.
 */
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { sql } from 'kysely';
import type { DatabaseHandle } from './connection';
import { classifyDatabaseError, isLasting, type DatabaseProblem } from './db-errors';

/**
 * Null when a write transaction can begin and write; otherwise what stops it. An UPDATE that matches no
 * row still takes the write path, so a database opened read-only (SQLite falls back to that silently for
 * a file it may not write, immutable ones included) or a read-only PostgreSQL refuses it, while nothing
 * is changed. On SQLite the files are checked too: one made immutable while open still takes writes into
 * its WAL for a while, then fails at the checkpoint.
 */
export async function findWriteProblem(
	handle: Pick<DatabaseHandle, 'db' | 'filename'>
): Promise<DatabaseProblem | null> {
	for (const file of handle.filename ? [handle.filename, `${handle.filename}-wal`] : []) {
		const problem = await unwritableFile(file);
		if (problem) return problem;
	}
	try {
		await handle.db.transaction().execute(async (trx) => {
			await sql`update app_setting set value = value where 1 = 0`.execute(trx);
		});
		return null;
	} catch (error) {
		const problem = classifyDatabaseError(error);
		if (problem) return problem;
		throw error;
	}
}

async function unwritableFile(file: string): Promise<DatabaseProblem | null> {
	try {
		await access(file, constants.W_OK);
		return null;
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code ?? 'EACCES';
		// A -wal file that is not there yet is made at the first write.
		if (code === 'ENOENT') return null;
		return { kind: 'read-only', code, detail: `${file} cannot be written` };
	}
}

/** How long a failure a request met keeps readiness at "not ready" (then the next request tells again). */
export const FAILURE_MEMORY_MS = 30_000;

let lastFailure: { problem: DatabaseProblem; at: number } | null = null;

/** Remembers a lasting failure (full, read-only, damaged) for readiness; a busy database is not one. */
export function noteDatabaseFailure(problem: DatabaseProblem, now = Date.now()): void {
	if (isLasting(problem)) lastFailure = { problem, at: now };
}

/** The last lasting failure a request met within FAILURE_MEMORY_MS, with how long ago it was. */
export function recentDatabaseFailure(
	now = Date.now()
): { problem: DatabaseProblem; secondsAgo: number } | null {
	if (!lastFailure || now - lastFailure.at > FAILURE_MEMORY_MS) return null;
	return { problem: lastFailure.problem, secondsAgo: Math.round((now - lastFailure.at) / 1000) };
}
