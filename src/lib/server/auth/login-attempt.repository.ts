/** Queries over sign-in attempts, which throttle.ts counts. Kysely only. */
import type { Insertable, Kysely } from 'kysely';
import type { Database, LoginAttemptTable } from '../db/schema';

/** When the latest failures of an account (from one address, or from any) since `since` happened, newest first. */
export async function listFailedAttemptTimes(
	db: Kysely<Database>,
	of: { accountKey: string; clientAddress?: string },
	since: string,
	limit: number
): Promise<string[]> {
	let query = db
		.selectFrom('login_attempt')
		.select('at')
		.where('account_key', '=', of.accountKey)
		.where('succeeded', '=', 0)
		.where('at', '>', since);
	if (of.clientAddress !== undefined) query = query.where('client_address', '=', of.clientAddress);
	const rows = await query.orderBy('at', 'desc').limit(limit).execute();
	return rows.map((r) => r.at);
}

/** An account's failures since `since`, by address, the addresses failing latest first. */
export async function listAccountFailuresByAddress(
	db: Kysely<Database>,
	accountKey: string,
	since: string,
	limit: number
) {
	return db
		.selectFrom('login_attempt')
		.select((eb) => ['client_address', eb.fn.countAll<number>().as('failures'), eb.fn.max('at').as('latest')])
		.where('account_key', '=', accountKey)
		.where('succeeded', '=', 0)
		.where('at', '>', since)
		.groupBy('client_address')
		.orderBy('latest', 'desc')
		.limit(limit)
		.execute();
}

export async function insertLoginAttempt(db: Kysely<Database>, attempt: Insertable<LoginAttemptTable>) {
	await db.insertInto('login_attempt').values(attempt).execute();
}

/**
 * Accounts (as typed) with at least `threshold` failures since `since`, most failed first: the ones
 * being guessed at. Served by the index of failures by time; the window keeps the rows few.
 */
export async function listGuessedAccounts(
	db: Kysely<Database>,
	since: string,
	threshold: number,
	limit: number
) {
	return db
		.selectFrom('login_attempt')
		.select((eb) => [
			'account_key',
			eb.fn.countAll<number>().as('failures'),
			eb.fn.count<number>('client_address').distinct().as('addresses'),
			eb.fn.max('at').as('latest')
		])
		.where('succeeded', '=', 0)
		.where('at', '>', since)
		.groupBy('account_key')
		.having((eb) => eb.fn.countAll(), '>=', threshold)
		.orderBy('failures', 'desc')
		.orderBy('account_key')
		.limit(limit)
		.execute();
}
