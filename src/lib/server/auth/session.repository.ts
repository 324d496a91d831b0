/** Queries over sign-in sessions. Kysely only: when a session expires or is renewed is decided in session.ts. */
import type { Insertable, Kysely } from 'kysely';
import type { Database, UserSessionTable } from '../db/schema';
import { prepared, type Placeholders } from '../db/prepared';

export async function insertSession(db: Kysely<Database>, session: Insertable<UserSessionTable>) {
	await db.insertInto('user_session').values(session).execute();
}

/** A session with what a request needs of its user, or null when there is no session of that id. */
export async function findSessionWithUser(db: Kysely<Database>, sessionId: string) {
	const [row] = await sessionWithUser(db, { sessionId });
	return row ?? null;
}

// Every request with a session runs it: built and compiled once.
const sessionWithUser = prepared((db, p: Placeholders<{ sessionId: string }>) =>
	db
		.selectFrom('user_session as s')
		.innerJoin('user_account as u', 'u.id', 's.user_id')
		.select([
			's.id',
			's.secret_hash',
			's.two_factor_verified',
			's.created_at',
			's.last_used_at',
			'u.id as user_id',
			'u.email',
			'u.name',
			'u.role',
			'u.disabled_at',
			'u.totp_enabled_at',
			'u.locale'
		])
		.where('s.id', '=', p.sessionId)
);

export async function updateSessionLastUsed(db: Kysely<Database>, sessionId: string, lastUsedAt: string) {
	await db
		.updateTable('user_session')
		.set({ last_used_at: lastUsedAt })
		.where('id', '=', sessionId)
		.execute();
}

export async function updateSessionTwoFactorVerified(db: Kysely<Database>, sessionId: string) {
	await db.updateTable('user_session').set({ two_factor_verified: 1 }).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: Kysely<Database>, sessionId: string) {
	await db.deleteFrom('user_session').where('id', '=', sessionId).execute();
}

/** Deletes every session of a user but the one named; returns how many went. */
export async function deleteUserSessions(db: Kysely<Database>, userId: number, exceptSessionId?: string) {
	let query = db.deleteFrom('user_session').where('user_id', '=', userId);
	if (exceptSessionId) query = query.where('id', '!=', exceptSessionId);
	const result = await query.executeTakeFirst();
	return Number(result.numDeletedRows);
}
