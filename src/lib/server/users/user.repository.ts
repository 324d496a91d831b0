import type { Kysely, Transaction } from 'kysely';
import type { Database, NewUserAccount } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

export async function countUsers(db: Db): Promise<number> {
	const row = await db
		.selectFrom('user_account')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export function findUserByEmail(db: Db, email: string) {
	return db.selectFrom('user_account').selectAll().where('email', '=', email).executeTakeFirst();
}

export function findUser(db: Db, userId: number) {
	return db.selectFrom('user_account').selectAll().where('id', '=', userId).executeTakeFirst();
}

export function insertUser(db: Db, user: NewUserAccount) {
	return db.insertInto('user_account').values(user).returningAll().executeTakeFirstOrThrow();
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
