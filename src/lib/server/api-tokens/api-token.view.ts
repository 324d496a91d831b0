/** What the administrators' token page receives: never the hash, and the token itself only once. */
import { apiTokenRoles, type ApiTokenRole } from '../../vocabulary';
import type { listApiTokens } from './api-token.repository';

export interface ApiTokenListItem {
	id: number;
	name: string;
	role: ApiTokenRole;
	roleLabel: string;
	scope: string;
	issuedAt: string;
	issuedBy: string | null;
	expiresAt: string | null;
	revokedAt: string | null;
	revokedBy: string | null;
	lastUsedAt: string | null;
	/** Accepted now: neither revoked nor expired. */
	active: boolean;
}

export function toApiTokenListItem(
	row: Awaited<ReturnType<typeof listApiTokens>>[number],
	now: Date
): ApiTokenListItem {
	return {
		id: row.id,
		name: row.name,
		role: row.role,
		roleLabel: apiTokenRoles.labels[row.role],
		scope: row.scope,
		issuedAt: row.created_at,
		issuedBy: row.issued_by,
		expiresAt: row.expires_at,
		revokedAt: row.revoked_at,
		revokedBy: row.revoked_by,
		lastUsedAt: row.last_used_at,
		active: row.revoked_at === null && (row.expires_at === null || Date.parse(row.expires_at) > now.getTime())
	};
}
