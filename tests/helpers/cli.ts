/**
 * A command of scripts/, run as an operator runs it (through tsx, in the project folder) on a SQLite file
 * of its own that DATABASE_URL names. Call it inside a `describe`: the file's folder is made before the
 * tests and removed after them.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
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

/** Runs a script of scripts/ as an operator does, with `env` over this process's environment. */
export function runScript(
	script: string,
	args: string[],
	options: { env?: Record<string, string>; input?: string } = {}
): SpawnSyncReturns<string> {
	return spawnSync(TSX, [script, ...args], {
		cwd: ROOT,
		input: options.input ?? '',
		encoding: 'utf8',
		env: { ...process.env, ...options.env },
		timeout: 30_000
	});
}

/**
 * The same, without holding up this process while it runs (spawnSync would stop the test's own work,
 * such as requests to a server, for as long as the script takes): its status and output once it ends.
 */
export function runScriptAlongside(
	script: string,
	args: string[],
	env: Record<string, string>
): Promise<{ status: number | null; stdout: string; stderr: string }> {
	const child = spawn(TSX, [script, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
	const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
	return new Promise((resolve) =>
		child.once('close', (status) => {
			clearTimeout(killer);
			resolve({ status, stdout, stderr });
		})
	);
}

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
		run: (args, input = '') => runScript(script, args, { input, env: { DATABASE_URL: databaseUrl } }),
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
