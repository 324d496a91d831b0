/**
 * A command of scripts/, run as an operator runs it (through tsx, in the project folder) on a SQLite file
 * of its own that DATABASE_URL names. Call it inside a `describe`: the file's folder is made before the
 * tests and removed after them.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { openDatabase } from '$lib/server/db/connection';
import type { Database } from '$lib/server/db/schema';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

export interface CommandLine {
	/** Runs the script with these arguments and standard input; its exit status and output. */
	run(args: string[], input?: string): SpawnSyncReturns<string>;
	/** Opens the script's database for the duration of `use`. */
	withDatabase<T>(use: (db: Kysely<Database>) => Promise<T>): Promise<T>;
}

export function commandLine(script: string): CommandLine {
	let dir: string;
	let databaseUrl: string;
	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), 'protokol-cli-'));
		databaseUrl = join(dir, 'protokol.db');
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));
	return {
		run: (args, input = '') =>
			spawnSync(TSX, [script, ...args], {
				cwd: ROOT,
				input,
				encoding: 'utf8',
				env: { ...process.env, DATABASE_URL: databaseUrl },
				timeout: 30_000
			}),
		async withDatabase(use) {
			const handle = openDatabase(databaseUrl);
			try {
				return await use(handle.db);
			} finally {
				await handle.close();
			}
		}
	};
}
