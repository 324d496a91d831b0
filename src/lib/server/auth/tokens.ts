/**
 * Secrets handed to people — session tokens and personal links — as lucia-auth.com describes them:
 * "<id>.<secret>", each part 160 random bits; only SHA-256 of the secret is stored, compared in
 * constant time, so a leaked table opens nothing and the lookup by id leaks no timing about the secret.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase, decodeHex } from '@oslojs/encoding';

export function generateSecureRandomString(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

export function hashSecret(secret: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(secret)));
}

export function secretMatches(secret: string, storedHash: string): boolean {
	const given = sha256(new TextEncoder().encode(secret));
	let stored: Uint8Array;
	try {
		stored = decodeHex(storedHash);
	} catch {
		return false;
	}
	return given.length === stored.length && constantTimeEqual(given, stored);
}

export interface IssuedToken {
	id: string;
	secretHash: string;
	token: string;
}

export function issueToken(): IssuedToken {
	const id = generateSecureRandomString();
	const secret = generateSecureRandomString();
	return { id, secretHash: hashSecret(secret), token: `${id}.${secret}` };
}

/** The two halves of a token, or null when it is not shaped like one of ours. */
export function splitToken(token: string): { id: string; secret: string } | null {
	const parts = token.split('.');
	if (parts.length !== 2) return null;
	const [id, secret] = parts as [string, string];
	const shape = /^[a-z2-7]{32}$/;
	return shape.test(id) && shape.test(secret) ? { id, secret } : null;
}
