/**
 * Passwords: argon2id with OWASP's minimum (19 MiB, 2 iterations, parallelism 1); 8 to 128 characters,
 * no composition rules, refused when among the ~50 000 most common (zxcvbn's list), as NIST SP 800-63B asks.
 */
import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { m } from '../../paraglide/messages.js';

const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

let common: Set<string> | undefined;

function isCommon(password: string): boolean {
	common ??= new Set(dictionary['passwords-common'] as string[]);
	return common.has(password.toLowerCase());
}

/** Why a new password will not do, or null when it will. */
export function passwordProblem(password: string): string | null {
	const length = [...password].length;
	if (length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
	if (length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
	if (isCommon(password)) return m.auth_error_common_password();
	return null;
}

export function hashPassword(password: string): Promise<string> {
	return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

// Verifying against this when the account does not exist costs what a real check costs, so response
// times do not tell whether an e-mail address has an account.
let decoyHash: Promise<string> | undefined;
export async function verifyAgainstDecoy(password: string): Promise<false> {
	decoyHash ??= hashPassword('decoy password that nobody has');
	await verifyPassword(await decoyHash, password);
	return false;
}
