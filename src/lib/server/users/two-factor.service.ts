/**
 * The second factor: enrolling an authenticator app, proving it at sign-in (or spending a recovery code),
 * turning it off, an administrator's reset, and the setting that makes it compulsory for staff.
 */
import type { Kysely } from 'kysely';
import type { UserRole } from '../../vocabulary';
import { recordAction, type Actor } from '../audit/audit';
import { verifyPassword } from '../auth/password';
import { invalidateUserSessions, markSessionTwoFactorVerified } from '../auth/session';
import { recordSignInAttempt, secondFactorWait } from '../auth/throttle';
import {
	describeEnrolment,
	hashRecoveryCode,
	matchingStep,
	newRecoveryCodes,
	newTotpKey,
	type TotpEnrolment
} from '../auth/totp';
import type { Database } from '../db/schema';
import { Conflict, NotFound, RuleViolation, TooManyAttempts } from '../errors';
import { findSettingValue, upsertSetting } from './app-setting.repository';
import {
	deleteRecoveryCodes,
	findUser,
	markRecoveryCodeUsed,
	replaceRecoveryCodes,
	updateUser
} from './user.repository';
import { authorize } from '../auth/authorize';
import { m } from '../../paraglide/messages.js';

type UserActor = Actor & { userId: number };

const REQUIRE_TWO_FACTOR = 'require_two_factor_for_staff';
/** The roles the setting applies to: everyone who can change records. */
const STAFF: readonly UserRole[] = ['admin', 'officer'];

export async function isTwoFactorRequired(db: Kysely<Database>): Promise<boolean> {
	return (await findSettingValue(db, REQUIRE_TWO_FACTOR)) === 'true';
}

/** True when this user must enrol before going anywhere else. */
export async function mustEnrolTwoFactor(
	db: Kysely<Database>,
	user: { role: UserRole; twoFactorEnabled: boolean }
): Promise<boolean> {
	return !user.twoFactorEnabled && STAFF.includes(user.role) && (await isTwoFactorRequired(db));
}

export async function setTwoFactorRequired(
	db: Kysely<Database>,
	actor: Actor,
	required: boolean
): Promise<void> {
	authorize(actor, 'admin');
	const now = new Date().toISOString();
	await db.transaction().execute(async (tx) => {
		const before = await isTwoFactorRequired(tx);
		await upsertSetting(tx, { key: REQUIRE_TWO_FACTOR, value: String(required), updated_at: now });
		await recordAction(tx, actor, {
			action: 'setting.require_two_factor',
			entityType: 'app_setting',
			before: { required: before },
			after: { required }
		});
	});
}

/** Starts (or restarts) enrolment: a new key, kept pending until a code from the app confirms it. */
export async function beginTwoFactorEnrolment(
	db: Kysely<Database>,
	actor: UserActor
): Promise<TotpEnrolment> {
	authorize(actor, 'viewer');
	const user = await findUser(db, actor.userId);
	if (!user) throw new NotFound(m.auth_error_no_such_user());
	if (user.totp_enabled_at) throw new Conflict(m.auth_error_two_factor_on());
	const key = user.totp_pending_key ?? newTotpKey();
	if (!user.totp_pending_key) {
		await updateUser(db, user.id, { totp_pending_key: key });
	}
	return describeEnrolment(key, user.email);
}

/** The pending enrolment of a user, if one was begun. */
export async function findPendingTwoFactorEnrolment(
	db: Kysely<Database>,
	userId: number
): Promise<TotpEnrolment | null> {
	const user = await findUser(db, userId);
	return user?.totp_pending_key && !user.totp_enabled_at
		? describeEnrolment(user.totp_pending_key, user.email)
		: null;
}

/**
 * Confirms enrolment with a code from the app. Returns the recovery codes, shown once and never again;
 * the session that enrolled counts as having given its second factor.
 */
export async function confirmTwoFactorEnrolment(
	db: Kysely<Database>,
	actor: UserActor,
	sessionId: string,
	code: string,
	now = new Date()
): Promise<string[]> {
	authorize(actor, 'viewer');
	const user = await findUser(db, actor.userId);
	if (!user?.totp_pending_key) throw new Conflict(m.auth_error_two_factor_restart());
	const step = matchingStep(user.totp_pending_key, code, now);
	if (step === null) {
		throw new RuleViolation(m.auth_error_code_mismatch(), {
			code: m.auth_error_code_mismatch()
		});
	}
	const codes = newRecoveryCodes();
	await db.transaction().execute(async (tx) => {
		await updateUser(tx, user.id, {
			totp_key: user.totp_pending_key,
			totp_pending_key: null,
			totp_enabled_at: now.toISOString(),
			totp_last_step: step,
			updated_at: now.toISOString(),
			version: user.version + 1
		});
		await replaceRecoveryCodes(tx, user.id, codes.map(hashRecoveryCode));
		await markSessionTwoFactorVerified(tx, sessionId);
		await recordAction(tx, actor, {
			action: 'user.enable_two_factor',
			entityType: 'user_account',
			entityId: user.id
		});
	});
	return codes;
}

/**
 * The second step of signing in: a code from the app, or one of the recovery codes. Failures count
 * towards the same throttle as passwords, under a key of their own.
 */
export async function verifySecondFactor(
	db: Kysely<Database>,
	actor: UserActor,
	sessionId: string,
	code: string,
	now = new Date()
): Promise<{ usedRecoveryCode: boolean }> {
	authorize(actor, 'viewer');
	const throttleKey = `second-factor:${actor.userId}`;
	const address = actor.clientAddress ?? 'unknown';
	const delay = await secondFactorWait(db, throttleKey, now);
	if (delay > 0) throw new TooManyAttempts(delay);
	const user = await findUser(db, actor.userId);
	if (!user?.totp_key) throw new Conflict(m.auth_error_no_second_factor());
	const refuse = async (reason: string) => {
		await recordSignInAttempt(db, throttleKey, address, false, now);
		await recordAction(db, actor, {
			action: 'auth.second_factor_failed',
			entityType: 'user_account',
			entityId: user.id,
			after: { reason }
		});
		const message = m.auth_error_code_wrong();
		return new RuleViolation(message, { code: message });
	};

	const step = matchingStep(user.totp_key, code, now);
	if (step !== null) {
		if (user.totp_last_step !== null && step <= user.totp_last_step) throw await refuse('code used before');
		await db.transaction().execute(async (tx) => {
			await updateUser(tx, user.id, { totp_last_step: step });
			await markSessionTwoFactorVerified(tx, sessionId);
			await recordAction(tx, actor, {
				action: 'auth.second_factor',
				entityType: 'user_account',
				entityId: user.id
			});
		});
		await recordSignInAttempt(db, throttleKey, address, true, now);
		return { usedRecoveryCode: false };
	}

	const spent = await db.transaction().execute(async (tx) => {
		if (!(await markRecoveryCodeUsed(tx, user.id, hashRecoveryCode(code), now.toISOString()))) return false;
		await markSessionTwoFactorVerified(tx, sessionId);
		await recordAction(tx, actor, {
			action: 'auth.recovery_code_used',
			entityType: 'user_account',
			entityId: user.id
		});
		return true;
	});
	if (!spent) throw await refuse('wrong code');
	await recordSignInAttempt(db, throttleKey, address, true, now);
	return { usedRecoveryCode: true };
}

/** A user turns their own second factor off, proving it is them with their password. */
export async function disableOwnTwoFactor(
	db: Kysely<Database>,
	actor: UserActor,
	role: UserRole,
	password: string
): Promise<void> {
	authorize(actor, 'viewer');
	const user = await findUser(db, actor.userId);
	if (!user) throw new NotFound(m.auth_error_no_such_user());
	if (!(await verifyPassword(user.password_hash, password))) {
		throw new RuleViolation(m.auth_error_password_wrong(), { password: m.auth_error_password_wrong() });
	}
	if (STAFF.includes(role) && (await isTwoFactorRequired(db))) {
		throw new Conflict(m.auth_error_two_factor_required());
	}
	await removeSecondFactor(db, actor, user.id, 'user.disable_two_factor');
}

/** An administrator resets a user's second factor (a lost phone): their sessions end; they enrol again. */
export async function resetTwoFactor(db: Kysely<Database>, actor: Actor, userId: number): Promise<void> {
	authorize(actor, 'admin');
	if (!(await findUser(db, userId))) throw new NotFound(m.auth_error_no_such_user());
	await removeSecondFactor(db, actor, userId, 'user.reset_two_factor');
}

async function removeSecondFactor(db: Kysely<Database>, actor: Actor, userId: number, action: string) {
	const now = new Date().toISOString();
	await db.transaction().execute(async (tx) => {
		await updateUser(tx, userId, {
			totp_key: null,
			totp_pending_key: null,
			totp_enabled_at: null,
			totp_last_step: null,
			updated_at: now
		});
		await deleteRecoveryCodes(tx, userId);
		if (action === 'user.reset_two_factor') await invalidateUserSessions(tx, userId);
		await recordAction(tx, actor, { action, entityType: 'user_account', entityId: userId });
	});
}
