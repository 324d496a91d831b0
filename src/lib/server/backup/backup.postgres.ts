/**
 * PostgreSQL's side of a backup: PostgreSQL's own tools, pg_dump (custom format) and pg_restore, found on
 * PATH. They must be of the server's major version or newer (Debian: postgresql-client-15).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * How the tools reach the database of a postgres:// DATABASE_URL: the URL without our `schema` parameter,
 * and its password in the environment rather than on a command line every user of the machine can read.
 */
function connection(connectionString: string): { dbname: string; env: NodeJS.ProcessEnv } {
	const url = new URL(connectionString);
	url.searchParams.delete('schema');
	const password = decodeURIComponent(url.password);
	url.password = '';
	const env = { ...process.env };
	if (password) env.PGPASSWORD = password;
	return { dbname: url.toString(), env };
}

async function runTool(tool: 'pg_dump' | 'pg_restore', args: string[], env: NodeJS.ProcessEnv) {
	try {
		return await run(tool, args, { env, maxBuffer: 64 * 1024 * 1024 });
	} catch (error) {
		const failure = error as NodeJS.ErrnoException & { stderr?: string };
		if (failure.code === 'ENOENT') {
			throw new Error(
				`${tool} is not on PATH: install PostgreSQL's client tools of the server's version ` +
					`(on Debian: apt-get install postgresql-client-15).`,
				{ cause: error }
			);
		}
		throw new Error(`${tool} failed: ${failure.stderr?.trim() || failure.message}`, { cause: error });
	}
}

/** Dumps `schema` as the exported snapshot `snapshot` sees it, to `file` in pg_dump's custom format. */
export async function dumpPostgres(
	connectionString: string,
	options: { schema: string; snapshot: string; file: string }
): Promise<void> {
	const { dbname, env } = connection(connectionString);
	await runTool(
		'pg_dump',
		[
			'--format=custom',
			`--schema=${options.schema}`,
			`--snapshot=${options.snapshot}`,
			`--file=${options.file}`,
			`--dbname=${dbname}`
		],
		env
	);
}

/** pg_restore's table of contents of a dump: it fails on a damaged or truncated file. */
export async function listDump(file: string): Promise<string> {
	return (await runTool('pg_restore', ['--list', file], process.env)).stdout;
}

/** The tables whose rows the dump holds (its TABLE DATA entries) in `schema`. */
export function tablesWithData(list: string, schema: string): Set<string> {
	const tables = new Set<string>();
	for (const line of list.split('\n')) {
		const match = /^\d+; \d+ \d+ TABLE DATA (\S+) (\S+) /.exec(line);
		if (match && match[1] === schema) tables.add(match[2]!);
	}
	return tables;
}

/**
 * Restores the dump into `schema`, which exists already (made empty by the caller), in one transaction:
 * all of it or nothing. The dump's CREATE SCHEMA and the comment on it are left out, as the schema is
 * there; neither owners nor grants are restored, so the objects belong to the user DATABASE_URL names.
 */
export async function restorePostgres(
	connectionString: string,
	options: { schema: string; file: string }
): Promise<void> {
	const list = await listDump(options.file);
	const schemaEntry = new RegExp(`^\\d+; \\d+ \\d+ (SCHEMA|COMMENT) - (SCHEMA )?${options.schema} `);
	const kept = list
		.split('\n')
		.filter((line) => !schemaEntry.test(line))
		.join('\n');
	const listDirectory = await mkdtemp(join(tmpdir(), 'protokol-restore-'));
	const listFile = join(listDirectory, 'restore.list');
	try {
		await writeFile(listFile, kept);
		const { dbname, env } = connection(connectionString);
		await runTool(
			'pg_restore',
			[
				'--exit-on-error',
				'--single-transaction',
				'--no-owner',
				'--no-privileges',
				`--use-list=${listFile}`,
				`--dbname=${dbname}`,
				options.file
			],
			env
		);
	} finally {
		await rm(listDirectory, { recursive: true, force: true });
	}
}
