/**
 * Read API tokens, one per integration: an administrator issues one (shown once, only its secret's
 * SHA-256 kept), names it and the role it reads with (a viewer's or an officer's, never an
 * administrator's), may give it a last day, and revokes it; both are in the audit trail. A request to
 * /api/v1 is let in by `authenticateApiToken`, which notes the token's use at most once a minute.
 */
import type { Kysely } from 'kysely';
import type { ApiTokenRole } from '../../vocabulary';
import { m } from '../../paraglide/messages.js';
import { recordAction, type Actor } from '../audit/audit';
import { authorize } from '../auth/authorize';
import { issueToken, secretMatches, splitToken } from '../auth/tokens';
import { classifyDatabaseError, describeProblem } from '../db/db-errors';
import type { Database } from '../db/schema';
import { NotFound } from '../errors';
import { logger } from '../observability/logger';
import { toPage, type Page, type PageRequest } from '../pagination';
import type { ApiTokenIssueInput } from './api-token.input';
import {
	findApiToken,
	findApiTokenByLookupId,
	insertApiToken,
	listApiTokens,
	updateApiTokenLastUsed,
	updateApiTokenRevoked
} from './api-token.repository';
import { toApiTokenListItem, type ApiTokenListItem } from './api-token.view';

/** Noting every use would write on every read; a minute's slack is what the page shows anyway. */
export const LAST_USE_INTERVAL_MS = 60 * 1000;

/** Whoever reads through a token: the integration it was issued for, with its role. */
export interface ApiClient {
	tokenId: number;
	name: string;
	role: ApiTokenRole;
	scope: 'read';
}

export type ApiAuthentication =
	{ client: ApiClient } | { refused: 'malformed' | 'unknown' | 'revoked' | 'expired' };

/** A page of the tokens, the latest issued first. Administrators only: names tell what integrates. */
export async function listApiTokensPage(
	db: Kysely<Database>,
	actor: Actor,
	request: PageRequest,
	now = new Date()
): Promise<Page<ApiTokenListItem>> {
	authorize(actor, 'admin');
	const page = toPage(await listApiTokens(db, request), request, (row) => [row.id]);
	return { ...page, items: page.items.map((row) => toApiTokenListItem(row, now)) };
}

/**
 * Issues a token: the only time the token itself exists outside the integration's hands is the answer
 * of this function. Audited with its name, role and last day (never the secret or its hash).
 */
export async function issueApiToken(
	db: Kysely<Database>,
	actor: Actor,
	input: ApiTokenIssueInput,
	now = new Date()
): Promise<{ token: string; tokenId: number }> {
	authorize(actor, 'admin');
	const { id: lookupId, secretHash, token } = issueToken();
	const expiresAt = input.validThrough ? dayAfter(input.validThrough) : null;
	const tokenId = await db.transaction().execute(async (tx) => {
		const { id } = await insertApiToken(tx, {
			lookup_id: lookupId,
			secret_hash: secretHash,
			name: input.name,
			scope: 'read',
			role: input.role,
			created_at: now.toISOString(),
			created_by_user_id: actor.userId,
			expires_at: expiresAt
		});
		await recordAction(tx, actor, {
			action: 'issue',
			entityType: 'api_token',
			entityId: id,
			after: { name: input.name, role: input.role, scope: 'read', expiresAt }
		});
		return id;
	});
	return { token, tokenId };
}

/** Revokes a token at once: its next request is refused. Revoking one revoked already changes nothing. */
export async function revokeApiToken(
	db: Kysely<Database>,
	actor: Actor,
	tokenId: number,
	now = new Date()
): Promise<void> {
	authorize(actor, 'admin');
	await db.transaction().execute(async (tx) => {
		const token = await findApiToken(tx, tokenId);
		if (!token) throw new NotFound(m.tokens_error_not_found());
		const revoked = await updateApiTokenRevoked(tx, tokenId, now.toISOString(), actor.userId);
		if (!revoked) return;
		await recordAction(tx, actor, {
			action: 'revoke',
			entityType: 'api_token',
			entityId: tokenId,
			before: { name: token.name, role: token.role, revokedAt: null },
			after: { name: token.name, role: token.role, revokedAt: now.toISOString() }
		});
	});
}

/**
 * The integration a bearer token stands for, or why it is refused. The secret is compared in constant
 * time after the lookup by its first half, as sessions are.
 */
export async function authenticateApiToken(
	db: Kysely<Database>,
	bearer: string,
	now = new Date()
): Promise<ApiAuthentication> {
	const parts = splitToken(bearer);
	if (!parts) return { refused: 'malformed' };
	const row = await findApiTokenByLookupId(db, parts.id);
	if (!row || !secretMatches(parts.secret, row.secret_hash)) return { refused: 'unknown' };
	if (row.revoked_at !== null) return { refused: 'revoked' };
	if (row.expires_at !== null && Date.parse(row.expires_at) <= now.getTime()) return { refused: 'expired' };
	const notedBefore = now.getTime() - LAST_USE_INTERVAL_MS;
	if (row.last_used_at === null || Date.parse(row.last_used_at) < notedBefore) {
		try {
			await updateApiTokenLastUsed(db, row.id, now.toISOString(), new Date(notedBefore).toISOString());
		} catch (error) {
			// A full or read-only database must not stop reading: the use is noted another time.
			const problem = classifyDatabaseError(error);
			if (!problem) throw error;
			logger.warn(`an API token's last use was not noted: ${describeProblem(problem)}`);
		}
	}
	return { client: { tokenId: row.id, name: row.name, role: row.role, scope: row.scope } };
}

/** A last day (UTC) given as YYYY-MM-DD: the token is refused from the next midnight UTC. */
function dayAfter(date: string): string {
	const next = new Date(`${date}T00:00:00.000Z`);
	next.setUTCDate(next.getUTCDate() + 1);
	return next.toISOString();
}
