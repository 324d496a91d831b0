/**
 * Passwords: argon2id with OWASP's minimum (19 MiB, 2 iterations, parallelism 1); 8 to 128 characters,
 * no composition rules, refused when among the ~50 000 most common (zxcvbn's list), as NIST SP 800-63B asks.
 */
import { m } from '../../paraglide/messages.js';

// Both loaded when first used, not with this file: the sign-in page's code imports it, and the server's
// first page need not load argon2's native module or decompress zxcvbn's 430 KB of word lists
// (docs/performance.md, cold start). Sign-in loads argon2; a new password, the word lists.
let argon2: Promise<typeof import('@node-rs/argon2')> | undefined;
const argon2Module = () => (argon2 ??= import('@node-rs/argon2'));

const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

let common: Promise<Set<string>> | undefined;

async function isCommon(password: string): Promise<boolean> {
	common ??= import('@zxcvbn-ts/language-common').then(
		({ dictionary }) => new Set(dictionary['passwords-common'] as string[])
	);
	return (await common).has(password.toLowerCase());
}

/** Why a new password will not do, or null when it will. */
export async function passwordProblem(password: string): Promise<string | null> {
	const length = [...password].length;
	if (length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
	if (length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
	if (await isCommon(password)) return m.auth_error_common_password();
	return null;
}

export async function hashPassword(password: string): Promise<string> {
	return (await argon2Module()).hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	const { verify } = await argon2Module();
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
