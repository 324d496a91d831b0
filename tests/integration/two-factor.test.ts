import { afterAll, beforeAll, expect, test } from 'vitest';
import { createSession, validateSessionToken } from '$lib/server/auth/session';
import { codeAt, TOTP_PERIOD_SECONDS } from '$lib/server/auth/totp';
import { Conflict, RuleViolation } from '$lib/server/errors';
import {
	beginTwoFactorEnrolment,
	confirmTwoFactorEnrolment,
	disableOwnTwoFactor,
	mustEnrolTwoFactor,
	resetTwoFactor,
	setTwoFactorRequired,
	verifySecondFactor
} from '$lib/server/users/two-factor.service';
import { createUser, signIn } from '$lib/server/users/user.service';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';

const PASSWORD = 'correct horse battery staple';
const step = TOTP_PERIOD_SECONDS * 1000;

describeEachEngine('two-factor sign-in', (engine) => {
	let handle: TestDatabase;
	let userId: number;
	let recoveryCodes: string[];
	const actor = () => ({
		userId,
		label: 'officer@protokol.test',
		role: 'officer' as const,
		clientAddress: '192.0.2.9'
	});
	const admin = { userId: null, label: 'test admin', role: 'admin' as const };
	const start = new Date();

	beforeAll(async () => {
		handle = await engine.open();
		const user = await createUser(handle.db, admin, {
			name: 'Officer',
			email: 'officer@protokol.test',
			role: 'officer',
			password: PASSWORD
		});
		userId = user.id;
	});
	afterAll(() => handle.cleanup());

	async function pendingKey() {
		const row = await handle.db
			.selectFrom('user_account')
			.select(['totp_pending_key', 'totp_key'])
			.where('id', '=', userId)
			.executeTakeFirstOrThrow();
		return row;
	}

	test('enrolment needs a code from the app before it takes effect', async () => {
		const enrolment = await beginTwoFactorEnrolment(handle.db, actor());
		expect(enrolment.uri).toMatch(/^otpauth:\/\/totp\/Protokol:officer%40protokol\.test\?/);
		expect(enrolment.qrSvg).toContain('<svg');
		const { totp_pending_key: key } = await pendingKey();
		const { session } = await createSession(handle.db, userId, { twoFactorVerified: true });
		await expect(
			confirmTwoFactorEnrolment(handle.db, actor(), session.id, '000000', start)
		).rejects.toBeInstanceOf(RuleViolation);
		recoveryCodes = await confirmTwoFactorEnrolment(
			handle.db,
			actor(),
			session.id,
			codeAt(key!, start),
			start
		);
		expect(recoveryCodes).toHaveLength(10);
		expect(await pendingKey()).toEqual({ totp_pending_key: null, totp_key: key });
		const stored = await handle.db
			.selectFrom('recovery_code')
			.select('code_hash')
			.where('user_id', '=', userId)
			.execute();
		expect(stored.map((r) => r.code_hash)).not.toContain(recoveryCodes[0]);
	});

	test('after the password, a session owes its second factor', async () => {
		const { token, user } = await signIn(
			handle.db,
			{ email: 'officer@protokol.test', password: PASSWORD },
			{
				clientAddress: '192.0.2.9',
				userAgent: null
			}
		);
		expect(user.twoFactorEnabled).toBe(true);
		expect((await validateSessionToken(handle.db, token))?.session.twoFactorVerified).toBe(false);
	});

	test('a code from the app works once, and a code from long ago not at all', async () => {
		const { totp_key: key } = await pendingKey();
		const { session, token } = await createSession(handle.db, userId, { twoFactorVerified: false });
		const later = new Date(start.getTime() + 3 * step);
		const old = new Date(start.getTime() - 10 * step);
		await expect(
			verifySecondFactor(handle.db, actor(), session.id, codeAt(key!, old), later)
		).rejects.toBeInstanceOf(RuleViolation);
		await verifySecondFactor(handle.db, actor(), session.id, codeAt(key!, later), later);
		expect((await validateSessionToken(handle.db, token))?.session.twoFactorVerified).toBe(true);
		const again = await createSession(handle.db, userId, { twoFactorVerified: false });
		await expect(
			verifySecondFactor(handle.db, actor(), again.session.id, codeAt(key!, later), later)
		).rejects.toBeInstanceOf(RuleViolation);
	});

	test('a recovery code stands in for the app, once', async () => {
		const first = await createSession(handle.db, userId, { twoFactorVerified: false });
		const result = await verifySecondFactor(
			handle.db,
			actor(),
			first.session.id,
			recoveryCodes[0]!.toUpperCase()
		);
		expect(result.usedRecoveryCode).toBe(true);
		const second = await createSession(handle.db, userId, { twoFactorVerified: false });
		await expect(
			verifySecondFactor(handle.db, actor(), second.session.id, recoveryCodes[0]!)
		).rejects.toBeInstanceOf(RuleViolation);
	});

	test('when required for staff, it cannot be turned off, and an officer without it must enrol', async () => {
		await setTwoFactorRequired(handle.db, admin, true);
		await expect(disableOwnTwoFactor(handle.db, actor(), 'officer', PASSWORD)).rejects.toBeInstanceOf(
			Conflict
		);
		expect(await mustEnrolTwoFactor(handle.db, { role: 'officer', twoFactorEnabled: false })).toBe(true);
		expect(await mustEnrolTwoFactor(handle.db, { role: 'viewer', twoFactorEnabled: false })).toBe(false);
		await setTwoFactorRequired(handle.db, admin, false);
		expect(await mustEnrolTwoFactor(handle.db, { role: 'officer', twoFactorEnabled: false })).toBe(false);
	});

	test("an administrator's reset removes the factor and ends the user's sessions", async () => {
		const { token } = await createSession(handle.db, userId, { twoFactorVerified: true });
		await resetTwoFactor(handle.db, admin, userId);
		expect(await validateSessionToken(handle.db, token)).toBeNull();
		expect(await pendingKey()).toEqual({ totp_pending_key: null, totp_key: null });
		const audit = await handle.db
			.selectFrom('audit_entry')
			.select('action')
			.where('entity_id', '=', userId)
			.execute();
		expect(audit.map((a) => a.action)).toEqual(
			expect.arrayContaining([
				'user.enable_two_factor',
				'auth.second_factor',
				'auth.recovery_code_used',
				'user.reset_two_factor'
			])
		);
	});
});
