/**
 * Opening a database: the one place where SQLite and PostgreSQL are told apart at run time.
 * DATABASE_URL picks the engine — a file path or file: URL means SQLite, postgres:// means PostgreSQL.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import {
	CompiledQuery,
	Kysely,
	PostgresDialect,
	PostgresDriver,
	SqliteDialect,
	SelectQueryNode,
	SqliteDriver,
	SqliteQueryCompiler,
	sql,
	type DatabaseConnection,
	type LogEvent,
	type PostgresDialectConfig,
	type PrimitiveValueListNode,
	type QueryResult,
	type SqliteDialectConfig,
	type TransactionSettings,
	type ValueListNode
} from 'kysely';
import type pg from 'pg';
import { logger } from '../observability/logger';
import { refuseWhenClientGone, servingRequest } from './request-scope';
import type { Database } from './schema';

export type Engine = 'sqlite' | 'postgres';

export interface DatabaseHandle {
	db: Kysely<Database>;
	engine: Engine;
	/** PostgreSQL: the schema everything lives in. */
	schema?: string;
	/** SQLite: the database file (absent for :memory:). */
	filename?: string;
	/** Where it is, without credentials: safe to log. */
	description: string;
	close(): Promise<void>;
}

export interface OpenOptions {
	/** PostgreSQL only: the schema to work in (tests give each run its own). */
	schema?: string;
	/** Called after every query: the server counts failed ones by code (metrics), tests count a page's. */
	onQuery?: (event: LogEvent) => void;
}

/**
 * node-postgres, loaded by the first PostgreSQL database opened: a server on SQLite never loads its
 * sixteen modules (docs/performance.md, cold start). Required, because opening a database is synchronous.
 */
let postgres: typeof pg | undefined;
function postgresDriver(): typeof pg {
	postgres ??= createRequire(import.meta.url)('pg') as typeof pg;
	return postgres;
}

export const DEFAULT_DATABASE_URL = 'file:./data/protokol.db';

export type DatabaseLocation =
	{ engine: 'sqlite'; filename: string } | { engine: 'postgres'; connectionString: string };

export function parseDatabaseUrl(url: string): DatabaseLocation {
	const trimmed = url.trim();
	if (/^postgres(ql)?:\/\//i.test(trimmed)) return { engine: 'postgres', connectionString: trimmed };
	if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) && !/^file:/i.test(trimmed)) {
		throw new Error(`DATABASE_URL must be a file path, a file: URL or a postgres:// URL, not "${url}"`);
	}
	const filename = trimmed.replace(/^file:(\/\/)?/i, '');
	if (!filename) throw new Error('DATABASE_URL names no file');
	return { engine: 'sqlite', filename: filename === ':memory:' ? filename : resolve(filename) };
}

export function openDatabase(url: string, options: OpenOptions = {}): DatabaseHandle {
	const location = parseDatabaseUrl(url);
	const log = options.onQuery;
	if (location.engine === 'sqlite') {
		const sqlite = openSqliteFile(location.filename);
		const stopOptimizing = optimizeFromTimeToTime(sqlite);
		const db = new Kysely<Database>({
			dialect: new ImmediateSqliteDialect({ database: sqlite }),
			log
		});
		return {
			db,
			engine: 'sqlite',
			filename: location.filename === ':memory:' ? undefined : location.filename,
			description: `SQLite ${location.filename}`,
			async close() {
				stopOptimizing();
				// Through Kysely, so that it waits for a query under way. TRUNCATE leaves the -wal file empty:
				// the database file alone then holds every write. Nothing is lost without it (the next open
				// replays the WAL), so a failure is only reported.
				try {
					// What SQLite asks of a connection about to close: statistics that the queries it ran showed
					// to be stale are refreshed, so that the next process plans with them.
					await sql`pragma optimize`.execute(db);
					await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
				} catch (error) {
					logger.warn({ err: error }, `checkpointing ${location.filename} failed`);
				}
				await db.destroy();
			}
		};
	}
	const where = new URL(location.connectionString);
	// A ?schema= in the URL is ours, not the driver's: it becomes the search path.
	const schema = options.schema ?? where.searchParams.get('schema') ?? 'public';
	if (!/^[a-z_][a-z0-9_]{0,62}$/i.test(schema)) throw new Error(`Not a usable schema name: "${schema}"`);
	where.searchParams.delete('schema');
	const pool = new (postgresDriver().Pool)({
		connectionString: where.toString(),
		max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
		// No JIT: PostgreSQL compiles a statement whose estimated cost passes jit_above_cost, which pays for
		// long analytical queries, not for a page's queries of a few milliseconds. A calendar month with a
		// filter crossed it at a million events, and its 2.5 ms took 38 (postgresql.org/docs/15/jit-decision.html).
		options: `-c search_path=${schema} -c jit=off`,
		types: { getTypeParser: pgTypeParser }
	});
	const db = new Kysely<Database>({ dialect: new RefusingPostgresDialect({ pool }), log });
	return {
		db,
		engine: 'postgres',
		schema,
		description: `PostgreSQL ${where.hostname}:${where.port || 5432}${where.pathname} (schema ${schema})`,
		close: () => db.destroy()
	};
}

function openSqliteFile(filename: string): SQLite.Database {
	if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
	const sqlite = new SQLite(filename);
	sqlite.pragma('journal_mode = WAL');
	// FULL: a committed record survives a power cut, not only a crash of the process.
	sqlite.pragma('synchronous = FULL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	// SQLite's recommended start for a long-lived connection (sqlite.org/lang_analyze.html): analyse the
	// tables whose statistics are missing or stale, with a bounded effort, so a fresh database is planned well.
	// A file that cannot be written fails here; the start's own write check says so better.
	optimize(sqlite, 'optimize = 0x10002');
	return sqlite;
}

const OPTIMIZE_EVERY_MS = 60 * 60 * 1000;

/** Statistics are an aid to the planner: failing to refresh them is reported, never fatal. */
function optimize(sqlite: SQLite.Database, pragma: string): void {
	try {
		sqlite.pragma(pragma);
	} catch (error) {
		logger.warn({ err: error }, `PRAGMA ${pragma} failed`);
	}
}

/** The hourly `PRAGMA optimize` SQLite recommends for a connection that stays open; returns its stop. */
function optimizeFromTimeToTime(sqlite: SQLite.Database): () => void {
	const timer = setInterval(() => {
		// Inside a transaction its work would be undone with it; the next hour will do.
		if (sqlite.open && !sqlite.inTransaction) optimize(sqlite, 'optimize');
	}, OPTIMIZE_EVERY_MS);
	timer.unref();
	return () => clearInterval(timer);
}

/**
 * Kysely's own SQLite connection prepares every statement anew, which costs about a tenth of the CPU on
 * a page that runs a dozen small queries. This one keeps the most recently used statements, keyed by
 * their SQL text (Kysely passes the values apart, so a page's queries repeat exactly), and answers as
 * Kysely's does.
 *
 * Bounded twice: by their number, and by the length of their SQL, which is what a prepared statement's
 * memory grows with (about nine bytes for a character: a calendar month's 44 000-character union of a
 * branch a day holds 380 KiB). The calendar's statements differ with the number of busy days and the
 * filters, so by number alone five hundred kept statements could hold 190 MB that the process never gives
 * back; SQL_KEPT characters keep about 18 MB of statements at most.
 */
export class CachingSqliteConnection implements DatabaseConnection {
	readonly #sqlite: SQLite.Database;
	readonly #statements = new Map<string, SQLite.Statement>();
	readonly #capacity: number;
	readonly #sqlCapacity: number;
	/** The length of the SQL of the statements kept. */
	#sqlKept = 0;

	constructor(sqlite: SQLite.Database, capacity = 500, sqlCapacity = SQL_KEPT) {
		this.#sqlite = sqlite;
		this.#capacity = capacity;
		this.#sqlCapacity = sqlCapacity;
	}

	/** How many statements are kept (tests look). */
	get cachedStatements(): number {
		return this.#statements.size;
	}

	/** The length of their SQL, in characters (tests look). */
	get cachedSqlLength(): number {
		return this.#sqlKept;
	}

	#prepare(text: string): SQLite.Statement {
		const kept = this.#statements.get(text);
		if (kept) {
			// Most recently used last: a Map keeps insertion order, so its first key is the one to drop.
			this.#statements.delete(text);
			this.#statements.set(text, kept);
			return kept;
		}
		const statement = this.#sqlite.prepare(text);
		// One larger than the whole bound is used once and not kept.
		if (text.length > this.#sqlCapacity) return statement;
		this.#statements.set(text, statement);
		this.#sqlKept += text.length;
		while (this.#statements.size > this.#capacity || this.#sqlKept > this.#sqlCapacity) {
			const oldest = this.#statements.keys().next().value!;
			this.#statements.delete(oldest);
			this.#sqlKept -= oldest.length;
		}
		return statement;
	}

	async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
		if (servingRequest() && !ENDS_TRANSACTION.test(compiledQuery.sql)) {
			// better-sqlite3 answers without yielding, so a page's queries would all run in one turn of the
			// event loop, before a closed connection could be noticed: each waits one turn first.
			await new Promise(setImmediate);
			refuseWhenClientGone();
		}
		const parameters = compiledQuery.parameters as unknown[];
		const statement = this.#prepare(compiledQuery.sql);
		if (statement.reader) return { rows: statement.all(parameters) as R[] };
		const { changes, lastInsertRowid } = statement.run(parameters);
		return {
			insertId: lastInsertRowid != null ? BigInt(lastInsertRowid) : undefined,
			numAffectedRows: changes != null ? BigInt(changes) : undefined,
			rows: []
		};
	}

	async *streamQuery<R>(compiledQuery: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
		if (!SelectQueryNode.is(compiledQuery.query)) {
			throw new Error('Sqlite driver only supports streaming of select queries');
		}
		refuseWhenClientGone();
		// A statement of its own: while a stream iterates it, a cached one would be busy for any other
		// query of the same text.
		const statement = this.#sqlite.prepare(compiledQuery.sql);
		for (const row of statement.iterate(compiledQuery.parameters as unknown[])) {
			yield { rows: [row as R] };
		}
	}
}

/**
 * SQLite's plain BEGIN takes the write lock only at the first write, so a second process can make a
 * transaction fail with SQLITE_BUSY half-way. BEGIN IMMEDIATE takes it up front, where busy_timeout waits.
 */
class ImmediateSqliteDriver extends SqliteDriver {
	readonly #sqlite: SQLite.Database;
	readonly #connection: CachingSqliteConnection;
	constructor(config: SqliteDialectConfig & { database: SQLite.Database }) {
		super(config);
		this.#sqlite = config.database;
		this.#connection = new CachingSqliteConnection(config.database);
	}
	override async acquireConnection(): Promise<DatabaseConnection> {
		return this.#connection;
	}
	override async beginTransaction(connection: DatabaseConnection, settings?: TransactionSettings) {
		const readOnly = settings?.accessMode === 'read only';
		await connection.executeQuery(CompiledQuery.raw(readOnly ? 'begin deferred' : 'begin immediate'));
	}
	/**
	 * On some errors (SQLITE_FULL, SQLITE_IOERR, SQLITE_NOMEM …) SQLite rolls the transaction back by
	 * itself. Kysely then sends ROLLBACK all the same, and throws its "cannot rollback - no transaction is
	 * active" in place of the error that caused it, so the log would never say the disk is full. Nothing is
	 * left to undo then; a transaction still open is rolled back as before.
	 */
	override async rollbackTransaction(connection: DatabaseConnection) {
		if (!this.#sqlite.inTransaction) return;
		await super.rollbackTransaction(connection);
	}
}

/** How much SQL the statement cache keeps, in characters: about 18 MB of prepared statements. */
const SQL_KEPT = 2_000_000;

/** What ends a transaction runs even when the client has gone: refusing it would leave the transaction open. */
const ENDS_TRANSACTION = /^\s*(commit|rollback|release)\b/i;

/**
 * PostgreSQL's driver answers asynchronously, so a closed connection is noticed between queries without
 * help; each query is refused as it is about to be sent, as on SQLite (what ends a transaction still runs).
 */
class RefusingPostgresDriver extends PostgresDriver {
	readonly #checked = new WeakSet<DatabaseConnection>();
	override async acquireConnection(
		...args: Parameters<PostgresDriver['acquireConnection']>
	): Promise<DatabaseConnection> {
		const connection = await super.acquireConnection(...args);
		if (!this.#checked.has(connection)) {
			// The driver keeps one connection object for each pooled client, and releases that very object.
			const execute = connection.executeQuery.bind(connection);
			connection.executeQuery = <R>(compiledQuery: CompiledQuery) => {
				if (!ENDS_TRANSACTION.test(compiledQuery.sql)) refuseWhenClientGone();
				return execute<R>(compiledQuery);
			};
			this.#checked.add(connection);
		}
		return connection;
	}
}

class RefusingPostgresDialect extends PostgresDialect {
	readonly #config: PostgresDialectConfig;
	constructor(config: PostgresDialectConfig) {
		super(config);
		this.#config = config;
	}
	override createDriver() {
		return new RefusingPostgresDriver(this.#config);
	}
}

/**
 * Every value goes in as `+?`, not `?`: the same value (unary plus changes neither a value nor its
 * affinity, and a bound parameter has none), but one SQLite's planner does not read. For a bare `?`
 * compared with a column (`event_id = ?` beside an ORDER BY, a LIMIT …) SQLite marks the statement to be
 * re-prepared whenever that parameter is bound anew, so that it may plan for the value, and
 * `sqlite3_clear_bindings`, which better-sqlite3 calls after every run, then expires it: every cached
 * statement was parsed and planned again at each use (and better-sqlite3 rebuilt its row factory with
 * it), several times the cost of running it. Plans are made for the statement, as PostgreSQL's generic
 * plans are; `tests/integration/query-plans-at-scale.test.ts` checks the plans as they run.
 */
class ParameterStableSqliteCompiler extends SqliteQueryCompiler {
	#inList = false;
	protected override getCurrentParameterPlaceholder(): string {
		return this.#inList ? '?' : '+?';
	}
	// A list of values (`in (…)`, a row of VALUES) never marks its statement so, and unmarked it is
	// planned as it was: `+?` there changes how SQLite orders what an IN list finds.
	protected override visitValueList(node: ValueListNode): void {
		this.#asList(() => super.visitValueList(node));
	}
	protected override visitPrimitiveValueList(node: PrimitiveValueListNode): void {
		this.#asList(() => super.visitPrimitiveValueList(node));
	}
	#asList(visit: () => void): void {
		this.#inList = true;
		try {
			visit();
		} finally {
			this.#inList = false;
		}
	}
}

class ImmediateSqliteDialect extends SqliteDialect {
	readonly #config: SqliteDialectConfig & { database: SQLite.Database };
	constructor(config: SqliteDialectConfig & { database: SQLite.Database }) {
		super(config);
		this.#config = config;
	}
	override createDriver() {
		return new ImmediateSqliteDriver(this.#config);
	}
	override createQueryCompiler() {
		return new ParameterStableSqliteCompiler();
	}
}

const PG_INT8 = 20;
const PG_DATE = 1082;
const PG_TIMESTAMPTZ = 1184;
const PG_TIMESTAMP = 1114;
const PG_JSONB = 3802;

/** PostgreSQL answers in the same shapes as SQLite: ISO instants, YYYY-MM-DD dates, counts as numbers. */
function pgTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
	// Dates and JSON stay text, as SQLite gives them.
	if (oid === PG_DATE || oid === PG_JSONB) return (value) => value;
	if (oid === PG_TIMESTAMPTZ || oid === PG_TIMESTAMP) {
		const parseDate = postgresDriver().types.getTypeParser(oid) as (value: string) => Date;
		return (value) => parseDate(value).toISOString();
	}
	// Counts and sums come back as int8; they stay far below 2^53 here.
	if (oid === PG_INT8) return (value) => Number(value);
	return postgresDriver().types.getTypeParser(oid, format) as (value: string) => unknown;
}
