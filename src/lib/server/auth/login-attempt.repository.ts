/** Queries over sign-in attempts, which throttle.ts counts. Kysely only. */
import type { Insertable, Kysely } from 'kysely';
import type { Database, LoginAttemptTable } from '../db/schema';

/** When the latest failures for an account key or an address since `since` happened, newest first. */
export async function listFailedAttemptTimes(
	db: Kysely<Database>,
	column: 'account_key' | 'client_address',
	value: string,
	since: string,
	limit: number
): Promise<string[]> {
	const rows = await db
		.selectFrom('login_attempt')
		.select('at')
		.where(column, '=', value)
		.where('succeeded', '=', 0)
		.where('at', '>', since)
		.orderBy('at', 'desc')
		.limit(limit)
		.execute();
	return rows.map((r) => r.at);
}

export async function insertLoginAttempt(db: Kysely<Database>, attempt: Insertable<LoginAttemptTable>) {
	await db.insertInto('login_attempt').values(attempt).execute();
}
