import type { Kysely, Transaction, Updateable } from 'kysely';
import type { Database, NewUserAccount, UserAccountTable } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

export async function countUsers(db: Db): Promise<number> {
	const row = await db
		.selectFrom('user_account')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export async function findUserByEmail(db: Db, email: string) {
	const row = await db.selectFrom('user_account').selectAll().where('email', '=', email).executeTakeFirst();
	return row ?? null;
}

export async function findUser(db: Db, userId: number) {
	const row = await db.selectFrom('user_account').selectAll().where('id', '=', userId).executeTakeFirst();
	return row ?? null;
}

export function insertUser(db: Db, user: NewUserAccount) {
	return db.insertInto('user_account').values(user).returningAll().executeTakeFirstOrThrow();
}

export async function updateUser(db: Db, userId: number, changes: Updateable<UserAccountTable>) {
	await db.updateTable('user_account').set(changes).where('id', '=', userId).execute();
}

/** The user's recovery codes are these (hashed) and no others. */
export async function replaceRecoveryCodes(db: Db, userId: number, codeHashes: string[]) {
	await deleteRecoveryCodes(db, userId);
	if (codeHashes.length === 0) return;
	await db
		.insertInto('recovery_code')
		.values(codeHashes.map((code_hash) => ({ user_id: userId, code_hash })))
		.execute();
}

export async function deleteRecoveryCodes(db: Db, userId: number) {
	await db.deleteFrom('recovery_code').where('user_id', '=', userId).execute();
}

/** Marks an unused recovery code used; false when the user has no such unused code. */
export async function markRecoveryCodeUsed(db: Db, userId: number, codeHash: string, at: string) {
	const result = await db
		.updateTable('recovery_code')
		.set({ used_at: at })
		.where('user_id', '=', userId)
		.where('code_hash', '=', codeHash)
		.where('used_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Users with how many live sessions each has (one query). */
export function listUsers(db: Db) {
	return db
		.selectFrom('user_account as u')
		.select([
			'u.id',
			'u.email',
			'u.name',
			'u.role',
			'u.disabled_at',
			'u.totp_enabled_at',
			'u.last_login_at',
			'u.created_at',
			(eb) =>
				eb
					.selectFrom('user_session as s')
					.select((inner) => inner.fn.countAll<number>().as('n'))
					.whereRef('s.user_id', '=', 'u.id')
					.as('session_count')
		])
		.orderBy('u.name')
		.orderBy('u.id')
		.execute();
}

/** Accounts that may follow up an action point: officers and admins not disabled, by name. */
export function listActiveOfficers(db: Db) {
	return db
		.selectFrom('user_account')
		.select(['id', 'name'])
		.where('role', 'in', ['officer', 'admin'])
		.where('disabled_at', 'is', null)
		.orderBy('name')
		.orderBy('id')
		.execute();
}
