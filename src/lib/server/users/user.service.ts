/**
 * Accounts: the first administrator, signing in and out, users managed by administrators, passwords.
 * Every change and every sign-in attempt leaves an audit entry.
 */
import type { Kysely } from 'kysely';
import { recordAction, type Actor } from '../audit/audit';
import { hashPassword, passwordProblem, verifyAgainstDecoy, verifyPassword } from '../auth/password';
import {
	createSession,
	invalidateSession,
	invalidateUserSessions,
	type Session,
	type SessionUser
} from '../auth/session';
import { listGuessedAccounts as listGuessedAccountRows } from '../auth/login-attempt.repository';
import {
	GUESSED_AT_FAILURES,
	passwordThrottle,
	recordSignInAttempt,
	THROTTLE_WINDOW_MS
} from '../auth/throttle';
import type { Database } from '../db/schema';
import { Conflict, Forbidden, NotFound, RuleViolation, TooManyAttempts } from '../errors';
import { logger } from '../observability/logger';
import type {
	FirstAdministratorInput,
	PasswordChangeInput,
	SignInInput,
	UserCreateInput
} from './user.input';
import { insertSetting } from './app-setting.repository';
import { countUsers, findUser, findUserByEmail, insertUser, listUsers, updateUser } from './user.repository';
import { toUserListItem, type UserListItem } from './user.view';
import { authorize } from '../auth/authorize';
import type { InterfaceLocale } from '../../vocabulary';
import { m } from '../../paraglide/messages.js';

export interface ClientMeta {
	clientAddress: string;
	userAgent: string | null;
}

async function checkNewPassword(password: string, field = 'password') {
	const problem = await passwordProblem(password);
	if (problem) throw new RuleViolation(problem, { [field]: problem });
}

/**
 * Creates the first administrator and signs them in. Refused once any user exists; the marker row in
 * app_setting makes two simultaneous first runs collide on its key instead of creating two admins.
 */
export async function createFirstAdministrator(
	db: Kysely<Database>,
	input: FirstAdministratorInput,
	meta: ClientMeta
): Promise<{ token: string; session: Session }> {
	await checkNewPassword(input.password);
	const passwordHash = await hashPassword(input.password);
	const now = new Date().toISOString();
	const user = await db.transaction().execute(async (tx) => {
		if ((await countUsers(tx)) > 0) throw new Forbidden(m.auth_error_has_administrator());
		await insertSetting(tx, { key: 'first_administrator', value: input.email, updated_at: now });
		const created = await insertUser(tx, {
			email: input.email,
			name: input.name,
			role: 'admin',
			password_hash: passwordHash,
			password_changed_at: now,
			last_login_at: now,
			created_at: now,
			updated_at: now
		});
		const actor: Actor = {
			userId: created.id,
			label: created.email,
			role: 'admin',
			clientAddress: meta.clientAddress
		};
		await recordAction(tx, actor, {
			action: 'user.create_first_administrator',
			entityType: 'user_account',
			entityId: created.id,
			after: { email: created.email, name: created.name, role: created.role }
		});
		return created;
	});
	return createSession(db, user.id, { twoFactorVerified: true, ...meta });
}

/**
 * Checks an e-mail and password. The answer for a wrong password, an unknown e-mail and a disabled
 * account is the same, and so is the time it takes. Guessing is slowed as auth/throttle.ts says: per
 * account and address, and, for an account being guessed at from many places, per account, where only
 * the right password of an account with a second factor goes on (to the code).
 */
export async function signIn(
	db: Kysely<Database>,
	input: SignInInput,
	meta: ClientMeta,
	now = new Date()
): Promise<{ token: string; session: Session; user: SessionUser }> {
	const throttle = await passwordThrottle(db, input.email, meta.clientAddress, now);
	if (throttle.pairWaitMs > 0) throw new TooManyAttempts(throttle.pairWaitMs);
	const user = await findUserByEmail(db, input.email);
	const valid = user
		? await verifyPassword(user.password_hash, input.password)
		: await verifyAgainstDecoy(input.password);
	const accepted = Boolean(user && valid && user.disabled_at === null);
	// Held back, a try is not counted: the wait runs from the last failure that was heard.
	if (throttle.accountWaitMs > 0 && !(accepted && user?.totp_enabled_at)) {
		throw new TooManyAttempts(throttle.accountWaitMs);
	}
	await recordSignInAttempt(db, input.email, meta.clientAddress, accepted, now);
	if (!accepted && throttle.addsToSpread && throttle.spreadFailures + 1 === GUESSED_AT_FAILURES) {
		logger.warn(
			{ email: input.email },
			`sign-in: "${input.email}" has failed from several addresses ${GUESSED_AT_FAILURES} times ` +
				'in 15 minutes: it is being guessed at, and every try on it now waits (see Users)'
		);
	}
	// Whoever tries to sign in acts with no more than a viewer's role until they are in.
	const actor: Actor = {
		userId: user?.id ?? null,
		label: input.email,
		role: user?.role ?? 'viewer',
		clientAddress: meta.clientAddress
	};
	if (!user || !accepted) {
		await recordAction(db, actor, {
			action: 'auth.sign_in_failed',
			entityType: 'user_account',
			entityId: user?.id ?? null,
			after: {
				email: input.email,
				reason: !user ? 'unknown account' : !valid ? 'wrong password' : 'disabled'
			}
		});
		const refused = m.auth_sign_in_refused();
		throw new RuleViolation(refused, { form: refused });
	}
	const twoFactorEnabled = user.totp_enabled_at !== null;
	const { token, session } = await db.transaction().execute(async (tx) => {
		await updateUser(tx, user.id, { last_login_at: now.toISOString() });
		await recordAction(tx, actor, { action: 'auth.sign_in', entityType: 'user_account', entityId: user.id });
		return createSession(tx, user.id, { twoFactorVerified: !twoFactorEnabled, ...meta }, now);
	});
	return {
		token,
		session,
		user: {
			id: user.id,
			email: user.email,
			name: user.name,
			role: user.role,
			twoFactorEnabled,
			locale: user.locale
		}
	};
}

export async function signOut(db: Kysely<Database>, actor: Actor, sessionId: string): Promise<void> {
	authorize(actor, 'viewer');
	await db.transaction().execute(async (tx) => {
		await invalidateSession(tx, sessionId);
		await recordAction(tx, actor, {
			action: 'auth.sign_out',
			entityType: 'user_account',
			entityId: actor.userId
		});
	});
}

export async function listUserAccounts(db: Kysely<Database>): Promise<UserListItem[]> {
	return (await listUsers(db)).map(toUserListItem);
}

export interface GuessedAccount {
	/** The e-mail as it was typed: it may or may not be an account. */
	accountKey: string;
	failures: number;
	addresses: number;
	latestAt: string;
}

/**
 * Accounts failing often enough now to be slowed for everyone (`threshold` failures in the window):
 * the administrators' warning.
 */
export async function listGuessedAccounts(
	db: Kysely<Database>,
	now = new Date()
): Promise<{ threshold: number; accounts: GuessedAccount[] }> {
	const since = new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString();
	const rows = await listGuessedAccountRows(db, since, GUESSED_AT_FAILURES, 50);
	const accounts = rows.map((r) => ({
		accountKey: r.account_key,
		failures: Number(r.failures),
		addresses: Number(r.addresses),
		latestAt: String(r.latest)
	}));
	return { threshold: GUESSED_AT_FAILURES, accounts };
}

/** An administrator adds a user. */
export async function createUser(
	db: Kysely<Database>,
	actor: Actor,
	input: UserCreateInput
): Promise<UserListItem> {
	authorize(actor, 'admin');
	await checkNewPassword(input.password);
	const passwordHash = await hashPassword(input.password);
	const now = new Date().toISOString();
	return db.transaction().execute(async (tx) => {
		if (await findUserByEmail(tx, input.email)) {
			const message = m.admin_error_email_taken();
			throw new RuleViolation(message, { email: message });
		}
		const user = await insertUser(tx, {
			email: input.email,
			name: input.name,
			role: input.role,
			password_hash: passwordHash,
			password_changed_at: now,
			created_at: now,
			updated_at: now
		});
		await recordAction(tx, actor, {
			action: 'user.create',
			entityType: 'user_account',
			entityId: user.id,
			after: { email: user.email, name: user.name, role: user.role }
		});
		return toUserListItem({ ...user, session_count: 0 });
	});
}

/** Disabling a user ends their sessions at once; they can no longer sign in. */
export async function setUserDisabled(
	db: Kysely<Database>,
	actor: Actor,
	userId: number,
	disabled: boolean
): Promise<void> {
	authorize(actor, 'admin');
	if (disabled && actor.userId === userId) throw new Conflict(m.auth_error_disable_self());
	const now = new Date().toISOString();
	await db.transaction().execute(async (tx) => {
		const user = await findUser(tx, userId);
		if (!user) throw new NotFound(m.auth_error_no_such_user());
		await updateUser(tx, userId, {
			disabled_at: disabled ? now : null,
			updated_at: now,
			version: user.version + 1
		});
		if (disabled) await invalidateUserSessions(tx, userId);
		await recordAction(tx, actor, {
			action: disabled ? 'user.disable' : 'user.enable',
			entityType: 'user_account',
			entityId: userId,
			before: { disabled_at: user.disabled_at },
			after: { disabled_at: disabled ? now : null }
		});
	});
}

export async function endUserSessions(db: Kysely<Database>, actor: Actor, userId: number): Promise<number> {
	authorize(actor, 'admin');
	return db.transaction().execute(async (tx) => {
		if (!(await findUser(tx, userId))) throw new NotFound(m.auth_error_no_such_user());
		const ended = await invalidateUserSessions(tx, userId);
		await recordAction(tx, actor, {
			action: 'user.end_sessions',
			entityType: 'user_account',
			entityId: userId,
			after: { ended }
		});
		return ended;
	});
}

/** Changing one's password ends every other session of the account. */
export async function changePassword(
	db: Kysely<Database>,
	actor: Actor & { userId: number },
	currentSessionId: string,
	input: PasswordChangeInput
): Promise<void> {
	authorize(actor, 'viewer');
	const user = await findUser(db, actor.userId);
	if (!user) throw new NotFound(m.auth_error_no_such_user());
	if (!(await verifyPassword(user.password_hash, input.current))) {
		throw new RuleViolation(m.auth_error_current_password_wrong(), {
			current: m.auth_error_current_password_wrong()
		});
	}
	await checkNewPassword(input.password);
	const passwordHash = await hashPassword(input.password);
	const now = new Date().toISOString();
	await db.transaction().execute(async (tx) => {
		await updateUser(tx, user.id, {
			password_hash: passwordHash,
			password_changed_at: now,
			updated_at: now,
			version: user.version + 1
		});
		await invalidateUserSessions(tx, user.id, currentSessionId);
		await recordAction(tx, actor, {
			action: 'user.change_password',
			entityType: 'user_account',
			entityId: user.id
		});
	});
}

/**
 * The interface language a user chose with the switcher, kept on their account so that it follows them
 * into every later session; null goes back to the browser's and the office's (src/lib/server/i18n).
 */
export async function chooseInterfaceLocale(
	db: Kysely<Database>,
	actor: Actor & { userId: number },
	locale: InterfaceLocale | null
): Promise<void> {
	authorize(actor, 'viewer');
	await db.transaction().execute(async (tx) => {
		const user = await findUser(tx, actor.userId);
		if (!user) throw new NotFound(m.auth_error_no_such_account());
		if (user.locale === locale) return;
		await updateUser(tx, user.id, { locale });
		await recordAction(tx, actor, {
			action: 'user.locale',
			entityType: 'user_account',
			entityId: user.id,
			before: { locale: user.locale },
			after: { locale }
		});
	});
}
