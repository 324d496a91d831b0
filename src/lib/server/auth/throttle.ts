/**
 * Sign-in throttling: after 5 failures for one account, or 20 from one address, within 15 minutes,
 * further attempts wait until the oldest of those failures leaves the window. Counted in the database,
 * so every instance sees the same count; keyed by the e-mail as typed, so it never tells whether the
 * account exists. The address is the one adapter-node reports: behind a proxy, only the header and depth
 * that ADDRESS_HEADER and XFF_DEPTH name, so a forged X-Forwarded-For changes nothing.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { insertLoginAttempt, listFailedAttemptTimes } from './login-attempt.repository';

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

/** Milliseconds to wait before another attempt is heard, or 0. */
export async function signInDelay(
	db: Kysely<Database>,
	accountKey: string,
	clientAddress: string,
	now = new Date()
): Promise<number> {
	const since = new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString();
	const [byAccount, byAddress] = await Promise.all([
		listFailedAttemptTimes(db, 'account_key', accountKey, since, MAX_FAILURES_PER_ACCOUNT),
		listFailedAttemptTimes(db, 'client_address', clientAddress, since, MAX_FAILURES_PER_ADDRESS)
	]);
	const waits = [
		[byAccount, MAX_FAILURES_PER_ACCOUNT],
		[byAddress, MAX_FAILURES_PER_ADDRESS]
	] as const;
	let delay = 0;
	for (const [failures, max] of waits) {
		if (failures.length >= max) {
			const oldestCounted = Date.parse(failures[max - 1]!);
			delay = Math.max(delay, oldestCounted + THROTTLE_WINDOW_MS - now.getTime());
		}
	}
	return Math.max(0, delay);
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
