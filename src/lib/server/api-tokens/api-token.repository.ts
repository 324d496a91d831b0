/** Queries over read API tokens. Kysely only: when a token is refused or its use noted is decided in the service. */
import type { Insertable, Kysely } from 'kysely';
import type { ApiTokenTable, Database } from '../db/schema';
import { pageByKeyset } from '../db/keyset';
import type { PageRequest } from '../pagination';

export async function insertApiToken(db: Kysely<Database>, token: Insertable<ApiTokenTable>) {
	return db.insertInto('api_token').values(token).returning('id').executeTakeFirstOrThrow();
}

/** What a request with this token needs: one seek on the lookup id's unique index. */
export async function findApiTokenByLookupId(db: Kysely<Database>, lookupId: string) {
	const row = await db
		.selectFrom('api_token')
		.select(['id', 'secret_hash', 'name', 'scope', 'role', 'expires_at', 'revoked_at', 'last_used_at'])
		.where('lookup_id', '=', lookupId)
		.executeTakeFirst();
	return row ?? null;
}

export async function findApiToken(db: Kysely<Database>, tokenId: number) {
	const row = await db
		.selectFrom('api_token')
		.select(['id', 'name', 'scope', 'role', 'expires_at', 'revoked_at'])
		.where('id', '=', tokenId)
		.executeTakeFirst();
	return row ?? null;
}

/** A page of tokens, the latest issued first, with who issued and revoked them (along the primary key). */
export async function listApiTokens(db: Kysely<Database>, page: PageRequest) {
	const query = db
		.selectFrom('api_token as t')
		.leftJoin('user_account as issuer', 'issuer.id', 't.created_by_user_id')
		.leftJoin('user_account as revoker', 'revoker.id', 't.revoked_by_user_id')
		.select([
			't.id',
			't.name',
			't.scope',
			't.role',
			't.created_at',
			't.expires_at',
			't.revoked_at',
			't.last_used_at',
			'issuer.name as issued_by',
			'revoker.name as revoked_by'
		]);
	return pageByKeyset(query, page, { key: ['t.id'], order: 'desc' }).execute();
}

/** Revokes a token that is not revoked yet; returns whether it did. */
export async function updateApiTokenRevoked(
	db: Kysely<Database>,
	tokenId: number,
	revokedAt: string,
	revokedByUserId: number | null
): Promise<boolean> {
	const result = await db
		.updateTable('api_token')
		.set({ revoked_at: revokedAt, revoked_by_user_id: revokedByUserId })
		.where('id', '=', tokenId)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/** Notes a use, unless one was noted since `notedBefore` (by this process or another). */
export async function updateApiTokenLastUsed(
	db: Kysely<Database>,
	tokenId: number,
	usedAt: string,
	notedBefore: string
) {
	await db
		.updateTable('api_token')
		.set({ last_used_at: usedAt })
		.where('id', '=', tokenId)
		.where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', notedBefore)]))
		.execute();
}
