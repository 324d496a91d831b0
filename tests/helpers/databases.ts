/**
 * The engines a domain test runs on: SQLite always, PostgreSQL when it answers. Each `open()` gives a
 * fresh database of its own (a temp file, or a new schema), migrated unless asked not to be, and
 * `cleanup()` removes it again, so test files can run in parallel without seeing each other's rows.
 *
 * PostgreSQL is found at TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test. When it does not
 * answer, a CI run (CI=true) fails at once; a local run goes on with SQLite alone and says so.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, test } from 'vitest';
import { openDatabase, type DatabaseHandle, type Engine, type OpenOptions } from '$lib/server/db/connection';
import { migrateToLatest } from '$lib/server/db/migrator';

export const POSTGRES_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabaseOptions {
	/** Called after every query, to count what an operation costs. */
	onQuery?: OpenOptions['onQuery'];
	/** false: leave the database empty (the migration tests migrate it themselves). Default true. */
	migrate?: boolean;
}

export interface TestDatabase extends DatabaseHandle {
	/** A DATABASE_URL for the same database, for a process of its own. */
	url: string;
	/** Closes the handle and removes the database (the file, or the schema). */
	cleanup(): Promise<void>;
}

export interface EngineUnderTest {
	/** 'SQLite' or 'PostgreSQL', as test names show it. */
	name: string;
	engine: Engine;
	open(options?: TestDatabaseOptions): Promise<TestDatabase>;
}

const sqliteEngine: EngineUnderTest = {
	name: 'SQLite',
	engine: 'sqlite',
	async open(options = {}) {
		const dir = mkdtempSync(join(tmpdir(), 'protokol-test-'));
		const url = join(dir, 'test.db');
		const handle = openDatabase(url, { onQuery: options.onQuery });
		const cleanup = async () => {
			await handle.close();
			rmSync(dir, { recursive: true, force: true });
		};
		return prepare(handle, url, cleanup, options);
	}
};

const postgresEngine: EngineUnderTest = {
	name: 'PostgreSQL',
	engine: 'postgres',
	async open(options = {}) {
		const schema = `t_${randomBytes(6).toString('hex')}`;
		await adminQuery(`create schema ${schema}`);
		const handle = openDatabase(POSTGRES_URL, { schema, onQuery: options.onQuery });
		const cleanup = async () => {
			await handle.close();
			await adminQuery(`drop schema if exists ${schema} cascade`);
		};
		const url = new URL(POSTGRES_URL);
		url.searchParams.set('schema', schema);
		return prepare(handle, url.toString(), cleanup, options);
	}
};

async function prepare(
	handle: DatabaseHandle,
	url: string,
	cleanup: () => Promise<void>,
	options: TestDatabaseOptions
): Promise<TestDatabase> {
	try {
		if (options.migrate !== false) await migrateToLatest(handle);
	} catch (error) {
		await cleanup();
		throw error;
	}
	return { ...handle, url, cleanup };
}

/** A statement on a connection of its own, outside any test schema. */
export async function adminQuery(text: string): Promise<void> {
	const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
	await client.connect();
	try {
		await client.query(text);
	} finally {
		await client.end();
	}
}

/** Why PostgreSQL cannot be used, or null when it answers. */
async function postgresProblem(): Promise<string | null> {
	try {
		await adminQuery('select 1');
		return null;
	} catch (error) {
		const where = new URL(POSTGRES_URL);
		const reason = error instanceof Error ? error.message || error.name : String(error);
		return `${where.hostname}:${where.port || 5432}${where.pathname} did not answer (${reason})`;
	}
}

const problem = await postgresProblem();

if (problem && process.env.CI === 'true') {
	throw new Error(
		`PostgreSQL unreachable: ${problem}. CI must test both engines; start PostgreSQL or set TEST_DATABASE_URL.`
	);
}
if (problem) {
	console.warn(`[tests] PostgreSQL unreachable: ${problem}. Domain tests run on SQLite only.`);
}

/** Every engine this run tests on. */
export const engines: EngineUnderTest[] = problem ? [sqliteEngine] : [sqliteEngine, postgresEngine];

/** The engines a run leaves out, with the reason; shown as skipped tests so the summary tells. */
export const skippedEngines: { name: string; reason: string }[] = problem
	? [{ name: 'PostgreSQL', reason: problem }]
	: [];

let skipNoticeRegistered = false;

/**
 * `describe` once per engine ("<title> on SQLite", "<title> on PostgreSQL"). When PostgreSQL was left
 * out, a skipped test named "PostgreSQL unreachable: …" stands in for it in the file's results.
 */
export function describeEachEngine(title: string, body: (engine: EngineUnderTest) => void): void {
	if (!skipNoticeRegistered) {
		skipNoticeRegistered = true;
		for (const skipped of skippedEngines) {
			describe.skip(`${skipped.name} unreachable: ${skipped.reason}`, () => {
				test(`${title} on ${skipped.name}`, () => {});
			});
		}
	}
	for (const engine of engines) {
		describe(`${title} on ${engine.name}`, () => body(engine));
	}
}
