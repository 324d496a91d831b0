/**
 * Read API tokens for tests against the built server: issued straight in its database with the real
 * service, and, for the refusals, one revoked or one past its last day.
 */
import { systemActor } from '$lib/server/audit/audit';
import { issueApiToken, revokeApiToken } from '$lib/server/api-tokens/api-token.service';
import { openDatabase } from '$lib/server/db/connection';
import { migrateToLatest } from '$lib/server/db/migrator';
import type { ApiTokenRole } from '$lib/vocabulary';

export type TokenState = 'active' | 'revoked' | 'expired';

export async function addApiToken(
	databaseUrl: string,
	role: ApiTokenRole,
	state: TokenState = 'active',
	name = `Test ${role} ${state}`
): Promise<string> {
	const handle = openDatabase(databaseUrl);
	try {
		await migrateToLatest(handle);
		const actor = systemActor('test setup');
		// An expired token was issued two days ago, valid through yesterday.
		const issuedAt = state === 'expired' ? new Date(Date.now() - 2 * 86_400_000) : new Date();
		const validThrough = state === 'expired' ? issuedAt.toISOString().slice(0, 10) : null;
		const { token, tokenId } = await issueApiToken(handle.db, actor, { name, role, validThrough }, issuedAt);
		if (state === 'revoked') await revokeApiToken(handle.db, actor, tokenId);
		return token;
	} finally {
		await handle.close();
	}
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
