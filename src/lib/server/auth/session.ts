/**
 * Sessions, owned here as lucia-auth.com's guide describes them, on our Kysely database so that they work
 * on SQLite and PostgreSQL alike (and several instances behind one PostgreSQL share them).
 * A session ends after 30 minutes without use or 12 hours in all (ASVS L2), whichever comes first;
 * using it renews the idle clock.
 */
import type { Cookies } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import { classifyDatabaseError, describeProblem } from '../db/db-errors';
import type { Database } from '../db/schema';
import { logger } from '../observability/logger';
import type { InterfaceLocale, UserRole } from '../../vocabulary';
import {
	deleteSession,
	deleteUserSessions,
	findSessionWithUser,
	insertSession,
	updateSessionLastUsed,
	updateSessionTwoFactorVerified
} from './session.repository';
import { issueToken, secretMatches, splitToken } from './tokens';

export const SESSION_COOKIE = 'protokol_session';
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
// Renewing on every request would write on every request; a minute's slack costs nothing.
const RENEW_AFTER_MS = 60 * 1000;

export interface SessionUser {
	id: number;
	email: string;
	name: string;
	role: UserRole;
	twoFactorEnabled: boolean;
	/** The interface language they chose; null: not chosen (src/lib/server/i18n/locale.ts decides). */
	locale: InterfaceLocale | null;
}

export interface Session {
	id: string;
	userId: number;
	twoFactorVerified: boolean;
	createdAt: string;
	lastUsedAt: string;
	/** When it ends if left idle, or at the absolute limit, whichever is first. */
	expiresAt: string;
}

export interface SessionMeta {
	twoFactorVerified: boolean;
	clientAddress?: string | null;
	userAgent?: string | null;
}

function expiresAt(createdAt: string, lastUsedAt: string): string {
	const idle = Date.parse(lastUsedAt) + IDLE_TIMEOUT_MS;
	const absolute = Date.parse(createdAt) + ABSOLUTE_TIMEOUT_MS;
	return new Date(Math.min(idle, absolute)).toISOString();
}

export async function createSession(
	db: Kysely<Database>,
	userId: number,
	meta: SessionMeta,
	now = new Date()
): Promise<{ token: string; session: Session }> {
	const { id, secretHash, token } = issueToken();
	const at = now.toISOString();
	await insertSession(db, {
		id,
		user_id: userId,
		secret_hash: secretHash,
		two_factor_verified: meta.twoFactorVerified ? 1 : 0,
		client_address: meta.clientAddress?.slice(0, 100) ?? null,
		user_agent: meta.userAgent?.slice(0, 300) ?? null,
		created_at: at,
		last_used_at: at
	});
	return {
		token,
		session: {
			id,
			userId,
			twoFactorVerified: meta.twoFactorVerified,
			createdAt: at,
			lastUsedAt: at,
			expiresAt: expiresAt(at, at)
		}
	};
}

/** The session and its user for a token, or null when it is unknown, wrong, expired or its user disabled. */
export async function validateSessionToken(
	db: Kysely<Database>,
	token: string,
	now = new Date()
): Promise<{ session: Session; user: SessionUser } | null> {
	const parts = splitToken(token);
	if (!parts) return null;
	const row = await findSessionWithUser(db, parts.id);
	if (!row || !secretMatches(parts.secret, row.secret_hash)) return null;
	if (row.disabled_at !== null || Date.parse(expiresAt(row.created_at, row.last_used_at)) <= now.getTime()) {
		await invalidateSession(db, row.id);
		return null;
	}
	let lastUsedAt = row.last_used_at;
	if (now.getTime() - Date.parse(lastUsedAt) >= RENEW_AFTER_MS) {
		try {
			await updateSessionLastUsed(db, row.id, now.toISOString());
			lastUsedAt = now.toISOString();
		} catch (error) {
			// A full or read-only database must not lock out readers: the session is renewed another time.
			const problem = classifyDatabaseError(error);
			if (!problem) throw error;
			logger.warn(`a session was not renewed: ${describeProblem(problem)}`);
		}
	}
	return {
		session: {
			id: row.id,
			userId: row.user_id,
			twoFactorVerified: row.two_factor_verified === 1,
			createdAt: row.created_at,
			lastUsedAt,
			expiresAt: expiresAt(row.created_at, lastUsedAt)
		},
		user: {
			id: row.user_id,
			email: row.email,
			name: row.name,
			role: row.role,
			twoFactorEnabled: row.totp_enabled_at !== null,
			locale: row.locale
		}
	};
}

export async function invalidateSession(db: Kysely<Database>, sessionId: string): Promise<void> {
	await deleteSession(db, sessionId);
}

/** Ends every session of a user, but the one named (a password change keeps the session that made it). */
export async function invalidateUserSessions(
	db: Kysely<Database>,
	userId: number,
	exceptSessionId?: string
): Promise<number> {
	return deleteUserSessions(db, userId, exceptSessionId);
}

export async function markSessionTwoFactorVerified(db: Kysely<Database>, sessionId: string): Promise<void> {
	await updateSessionTwoFactorVerified(db, sessionId);
}

/** The cookie lives as long as the session could; the idle limit is enforced on the server. */
export function setSessionCookie(cookies: Cookies, token: string, session: Session, secure: boolean): void {
	cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		secure,
		path: '/',
		expires: new Date(Date.parse(session.createdAt) + ABSOLUTE_TIMEOUT_MS)
	});
}

export function deleteSessionCookie(cookies: Cookies, secure: boolean): void {
	cookies.delete(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}
