/**
 * The first run: whether anyone can sign in yet. Apart from user.service.ts, because every page asks it
 * until an administrator exists (hooks.server.ts), the first page of every start included: answering it
 * must not load the accounts' code (argon2, zxcvbn's word lists, qrcode), which the first sign-in loads.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { countUsers } from './user.repository';

/** True while nobody can sign in yet: the app then offers only the first-run setup. */
export async function needsFirstAdministrator(db: Kysely<Database>): Promise<boolean> {
	return (await countUsers(db)) === 0;
}
