/**
 * The database failures that are the server's condition rather than a bug: a full disk, a database that
 * cannot be written, one too busy to answer in time, a damaged one. Classified here, once, for both
 * engines, from the error's code (better-sqlite3's `SQLITE_…` names, PostgreSQL's SQLSTATE, the system's
 * ENOSPC, EROFS or ECONNREFUSED); the hooks answer them with 503 and readiness reports them
 * (src/lib/server/http/unavailable.ts, health.ts).
 */

export type DatabaseProblemKind = 'full' | 'read-only' | 'busy' | 'corrupt' | 'io' | 'unreachable';

export interface DatabaseProblem {
	kind: DatabaseProblemKind;
	/** The engine's own code, as the log names it: SQLITE_FULL, 53100 … */
	code: string;
	/** The engine's own message. */
	detail: string;
}

// Extended SQLite codes (SQLITE_READONLY_DBMOVED, SQLITE_IOERR_WRITE …) are matched by their prefix.
const SQLITE_KINDS: [string, DatabaseProblemKind][] = [
	['SQLITE_FULL', 'full'],
	['SQLITE_READONLY', 'read-only'],
	['SQLITE_PERM', 'read-only'],
	['SQLITE_CANTOPEN', 'io'],
	['SQLITE_IOERR', 'io'],
	['SQLITE_BUSY', 'busy'],
	['SQLITE_LOCKED', 'busy'],
	['SQLITE_CORRUPT', 'corrupt'],
	['SQLITE_NOTADB', 'corrupt']
];

// PostgreSQL's SQLSTATEs (appendix A of its manual).
const POSTGRES_KINDS: Record<string, DatabaseProblemKind> = {
	'53100': 'full', // disk_full
	'25006': 'read-only', // read_only_sql_transaction: a standby, or default_transaction_read_only
	'55P03': 'busy', // lock_not_available
	'57P03': 'busy', // cannot_connect_now: starting up or shutting down
	'53300': 'busy', // too_many_connections
	'57P01': 'unreachable', // admin_shutdown
	'58030': 'io', // io_error
	XX001: 'corrupt', // data_corrupted
	XX002: 'corrupt' // index_corrupted
};

// The system's own, met where the database or the file store beside it write (a letter's enclosure on a
// full disk), or where PostgreSQL is reached over the network.
const SYSTEM_KINDS: Record<string, DatabaseProblemKind> = {
	ENOSPC: 'full',
	EDQUOT: 'full',
	EROFS: 'read-only',
	EIO: 'io',
	ECONNREFUSED: 'unreachable',
	ECONNRESET: 'unreachable',
	ETIMEDOUT: 'unreachable',
	EHOSTUNREACH: 'unreachable'
};

function kindOf(code: string): DatabaseProblemKind | undefined {
	if (code in SYSTEM_KINDS) return SYSTEM_KINDS[code];
	if (code.startsWith('SQLITE_')) {
		return SQLITE_KINDS.find(([prefix]) => code === prefix || code.startsWith(`${prefix}_`))?.[1];
	}
	// Class 08: the connection failed or was lost.
	return POSTGRES_KINDS[code] ?? (/^08[0-9A-Z]{3}$/.test(code) ? 'unreachable' : undefined);
}

/**
 * The database problem behind `error`, looking through its causes (the migrator and our own errors wrap
 * the driver's); null for anything else, which stays a bug to be answered 500.
 */
export function classifyDatabaseError(error: unknown): DatabaseProblem | null {
	for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
		const code = (e as { code?: unknown }).code;
		const kind = typeof code === 'string' ? kindOf(code) : undefined;
		if (kind) return { kind, code: code as string, detail: e.message };
	}
	return null;
}

const WHY: Record<DatabaseProblemKind, string> = {
	full: 'its disk is full',
	'read-only': 'its database cannot be written to',
	busy: 'its database is busy',
	corrupt: 'its database is damaged',
	io: 'its database cannot be written to',
	unreachable: 'its database does not answer'
};

/**
 * What the person at the browser is told. A write is rolled back whole when the database refuses it, so
 * "nothing was saved" is true of the request that failed.
 */
export function problemMessage(problem: DatabaseProblem, writing: boolean): string {
	const why = WHY[problem.kind];
	if (problem.kind === 'busy') {
		return writing
			? `The server cannot save right now: ${why}. Nothing was saved; try again in a moment.`
			: `The server cannot answer right now: ${why}. Try again in a moment.`;
	}
	const ask = 'Tell your administrator; the server log says why.';
	return writing
		? `The server cannot save right now: ${why}. Nothing was saved. ${ask}`
		: `The server cannot answer right now: ${why}. ${ask}`;
}

/** The problem as one line of the log: kind, code and the engine's words. */
export function describeProblem(problem: DatabaseProblem): string {
	return `${WHY[problem.kind]} (${problem.code}: ${problem.detail})`;
}

/** Failures that last until someone acts (unlike busy): readiness remembers them for a while. */
export function isLasting(problem: DatabaseProblem): boolean {
	return problem.kind !== 'busy';
}
