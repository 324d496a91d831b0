/**
 * Sign-in throttling that slows guessing without locking anyone out.
 *
 * A password is guessed either from one place (one address, many tries) or from many (a botnet, each
 * address trying a few). The first is slowed per account and address together: a few slips are free,
 * then each failure doubles the wait, so the guesser crawls while the owner, from their own address,
 * is not held back by them. The second is slowed per account across all addresses once the failures are
 * spread enough to mean it is "being guessed at" (each address counts for at most its free slips, so
 * one address alone never gets there): then only the right password of an account with a second factor
 * goes on (to the code page, which has its own limit), and anything else waits. No address is ever
 * locked for every account behind it (an office behind one proxy), and no lock lasts a fixed quarter of
 * an hour.
 *
 * Counted in the database, so every instance sees the same failures; keyed by the e-mail as typed, so
 * nothing tells whether the account exists. The address is the one adapter-node reports: behind a
 * proxy, only the header and depth that ADDRESS_HEADER and XFF_DEPTH name, so a forged
 * X-Forwarded-For changes nothing.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import {
	insertLoginAttempt,
	listAccountFailuresByAddress,
	listFailedAttemptTimes
} from './login-attempt.repository';

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/** Failures of one account from one address that cost nothing: slips of the fingers. */
export const FREE_FAILURES_PER_PAIR = 3;
/** Failures of one account, spread over addresses as above, that mean it is being guessed at. */
export const GUESSED_AT_FAILURES = 10;
export const MAX_WAIT_MS = THROTTLE_WINDOW_MS;
/** For the second factor, which only a holder of the password reaches: a plain limit per account. */
export const MAX_SECOND_FACTOR_FAILURES = 5;

/** Nothing for the free failures; then one second, doubling with each further one, at most MAX_WAIT_MS. */
export function growingWait(failures: number, free: number): number {
	if (failures <= free) return 0;
	return Math.min(1000 * 2 ** (failures - free - 1), MAX_WAIT_MS);
}

/** How long from now, given the latest failure and the wait that many failures earn. */
function waitFrom(latest: string | undefined, wait: number, now: Date): number {
	if (!latest || wait === 0) return 0;
	return Math.max(0, Date.parse(latest) + wait - now.getTime());
}

export interface PasswordThrottle {
	/** This account from this address must wait so long (ms) before another try is heard. */
	pairWaitMs: number;
	/** The account is being guessed at from many places: waits so long, unless it passes as above. */
	accountWaitMs: number;
	/** The account's failures within the window, each address counting for at most its free slips. */
	spreadFailures: number;
	/** Whether one more failure from this address adds to the spread (it is within its free slips). */
	addsToSpread: boolean;
}

export async function passwordThrottle(
	db: Kysely<Database>,
	accountKey: string,
	clientAddress: string,
	now = new Date()
): Promise<PasswordThrottle> {
	const since = new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString();
	// Enough rows to reach the longest wait (and the spread to saturate); more would not change either.
	const [byPair, byAddress] = await Promise.all([
		listFailedAttemptTimes(db, { accountKey, clientAddress }, since, FREE_FAILURES_PER_PAIR + 16),
		listAccountFailuresByAddress(db, accountKey, since, GUESSED_AT_FAILURES + 16)
	]);
	const spread = byAddress.reduce((sum, a) => sum + Math.min(Number(a.failures), FREE_FAILURES_PER_PAIR), 0);
	const latestAnywhere = byAddress
		.map((a) => String(a.latest))
		.sort()
		.at(-1);
	return {
		pairWaitMs: waitFrom(byPair[0], growingWait(byPair.length, FREE_FAILURES_PER_PAIR), now),
		accountWaitMs: waitFrom(latestAnywhere, growingWait(spread, GUESSED_AT_FAILURES - 1), now),
		spreadFailures: spread,
		addsToSpread: byPair.length < FREE_FAILURES_PER_PAIR
	};
}

/** Milliseconds before another second-factor code is heard for this key, or 0. */
export async function secondFactorWait(db: Kysely<Database>, key: string, now = new Date()): Promise<number> {
	const since = new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString();
	const failures = await listFailedAttemptTimes(db, { accountKey: key }, since, MAX_SECOND_FACTOR_FAILURES);
	if (failures.length < MAX_SECOND_FACTOR_FAILURES) return 0;
	const oldestCounted = Date.parse(failures[MAX_SECOND_FACTOR_FAILURES - 1]!);
	return Math.max(0, oldestCounted + THROTTLE_WINDOW_MS - now.getTime());
}

export async function recordSignInAttempt(
	db: Kysely<Database>,
	accountKey: string,
	clientAddress: string,
	succeeded: boolean,
	now = new Date()
): Promise<void> {
	await insertLoginAttempt(db, {
		at: now.toISOString(),
		account_key: accountKey,
		client_address: clientAddress,
		succeeded: succeeded ? 1 : 0
	});
}
