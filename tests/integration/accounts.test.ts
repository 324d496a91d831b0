import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { validateSessionToken } from '$lib/server/auth/session';
import { Forbidden, RuleViolation, TooManyAttempts } from '$lib/server/errors';
import {
	changePassword,
	createFirstAdministrator,
	createUser,
	listGuessedAccounts,
	setUserDisabled,
	signIn
} from '$lib/server/users/user.service';
import { needsFirstAdministrator } from '$lib/server/users/setup.service';
import { logger } from '$lib/server/observability/logger';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';

const PASSWORD = 'correct horse battery staple';
const meta = (clientAddress = '192.0.2.1') => ({ clientAddress, userAgent: 'vitest' });

describeEachEngine('accounts', (engine) => {
	let handle: TestDatabase;
	let adminId: number;
	const admin = () => ({ userId: adminId, label: 'admin@protokol.test', role: 'admin' as const });

	beforeAll(async () => {
		handle = await engine.open();
	});
	afterAll(() => handle.cleanup());

	async function audit(action: string) {
		return handle.db.selectFrom('audit_entry').selectAll().where('action', '=', action).execute();
	}

	test('the first administrator can be created once, and only once', async () => {
		expect(await needsFirstAdministrator(handle.db)).toBe(true);
		const { token } = await createFirstAdministrator(
			handle.db,
			{ name: 'Admin', email: 'admin@protokol.test', password: PASSWORD, confirm: PASSWORD },
			meta()
		);
		const session = await validateSessionToken(handle.db, token);
		expect(session?.user.role).toBe('admin');
		adminId = session!.user.id;
		expect(await needsFirstAdministrator(handle.db)).toBe(false);
		await expect(
			createFirstAdministrator(
				handle.db,
				{ name: 'Intruder', email: 'x@protokol.test', password: PASSWORD, confirm: PASSWORD },
				meta()
			)
		).rejects.toBeInstanceOf(Forbidden);
		expect(await audit('user.create_first_administrator')).toHaveLength(1);
	});

	test('a common password is refused, with the reason beside the field', async () => {
		const attempt = createUser(handle.db, admin(), {
			name: 'V',
			email: 'v@protokol.test',
			role: 'viewer',
			password: 'password1'
		});
		await expect(attempt).rejects.toBeInstanceOf(RuleViolation);
		await expect(attempt).rejects.toHaveProperty('fields.password');
	});

	test('a second user with the same e-mail is refused', async () => {
		await createUser(handle.db, admin(), {
			name: 'Officer',
			email: 'officer@protokol.test',
			role: 'officer',
			password: PASSWORD
		});
		await expect(
			createUser(handle.db, admin(), {
				name: 'Again',
				email: 'officer@protokol.test',
				role: 'viewer',
				password: PASSWORD
			})
		).rejects.toHaveProperty('fields.email');
	});

	test('a wrong password, an unknown e-mail and a disabled account get the same answer', async () => {
		await createUser(handle.db, admin(), {
			name: 'Gone',
			email: 'gone@protokol.test',
			role: 'viewer',
			password: PASSWORD
		});
		const gone = await handle.db
			.selectFrom('user_account')
			.select('id')
			.where('email', '=', 'gone@protokol.test')
			.executeTakeFirstOrThrow();
		await setUserDisabled(handle.db, admin(), gone.id, true);
		const messages = [];
		for (const [email, password] of [
			['officer@protokol.test', 'wrong password here'],
			['nobody@protokol.test', PASSWORD],
			['gone@protokol.test', PASSWORD]
		] as const) {
			const error: unknown = await signIn(
				handle.db,
				{ email, password },
				meta(`198.51.100.${messages.length + 1}`)
			).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(RuleViolation);
			messages.push((error as Error).message);
		}
		expect(new Set(messages).size).toBe(1);
		expect((await audit('auth.sign_in_failed')).length).toBeGreaterThanOrEqual(3);
	});

	/** Wrong passwords for an account from the given addresses, all at `at`. */
	const fail = async (email: string, addresses: string[], at: Date) => {
		for (const address of addresses) {
			await signIn(handle.db, { email, password: 'not it at all' }, meta(address), at).catch(() => {});
		}
	};
	const seconds = (at: Date, s: number) => new Date(at.getTime() + s * 1000);
	const refusal = (promise: Promise<unknown>) => promise.catch((e: unknown) => e);
	const addViewer = (name: string, email: string) =>
		createUser(handle.db, admin(), { name, email, role: 'viewer', password: PASSWORD });

	test('three slips cost nothing; then each failure from the same address doubles the wait', async () => {
		await addViewer('Slips', 'slips@protokol.test');
		const right = { email: 'slips@protokol.test', password: PASSWORD };
		const now = new Date();
		await fail(right.email, ['192.0.2.50', '192.0.2.50', '192.0.2.50'], now);
		await expect(signIn(handle.db, right, meta('192.0.2.50'), now)).resolves.toBeTruthy();

		const later = seconds(now, 60);
		await fail(right.email, Array(4).fill('192.0.2.51'), later);
		// Four failures, one beyond the free three: a second from the last; a try meanwhile is not heard.
		const first = await refusal(signIn(handle.db, right, meta('192.0.2.51'), later));
		expect(first).toBeInstanceOf(TooManyAttempts);
		expect((first as TooManyAttempts).message).toBe('Too many attempts. Wait 1 second and try again.');
		await fail(right.email, ['192.0.2.51'], seconds(later, 1));
		const second = await refusal(signIn(handle.db, right, meta('192.0.2.51'), seconds(later, 1)));
		expect((second as TooManyAttempts).retryAfterMs).toBe(2000);
		expect((second as TooManyAttempts).message).toBe('Too many attempts. Wait 2 seconds and try again.');
		// The tries held back were not counted: once the wait is over, the right password goes in.
		await expect(signIn(handle.db, right, meta('192.0.2.51'), seconds(later, 3))).resolves.toBeTruthy();
	});

	test('guessing from one address does not hold the owner back at theirs', async () => {
		await addViewer('Owner', 'owner@protokol.test');
		const now = new Date();
		await fail('owner@protokol.test', Array(30).fill('203.0.113.66'), now);
		const guesser = await refusal(
			signIn(handle.db, { email: 'owner@protokol.test', password: PASSWORD }, meta('203.0.113.66'), now)
		);
		expect(guesser).toBeInstanceOf(TooManyAttempts);
		await expect(
			signIn(handle.db, { email: 'owner@protokol.test', password: PASSWORD }, meta('192.0.2.77'), now)
		).resolves.toBeTruthy();
	});

	test('failures for many accounts from one address (an office behind a proxy) hold back no other account', async () => {
		const now = new Date();
		for (let i = 0; i < 25; i++) await fail(`guess${i}@protokol.test`, ['192.0.2.200'], now);
		await expect(
			signIn(handle.db, { email: 'officer@protokol.test', password: PASSWORD }, meta('192.0.2.200'), now)
		).resolves.toBeTruthy();
	});

	test('an account guessed at from many addresses makes every try wait, but the right password with a second factor', async () => {
		await addViewer('Plain', 'plain@protokol.test');
		await addViewer('Careful', 'careful@protokol.test');
		await handle.db
			.updateTable('user_account')
			.set({
				totp_key: '3132333435363738393031323334353637383930',
				totp_enabled_at: new Date().toISOString()
			})
			.where('email', '=', 'careful@protokol.test')
			.execute();
		const now = new Date();
		// Four addresses, three tries each (at most three an address count): the tenth makes the account guessed at.
		const botnet = ['198.51.100.1', '198.51.100.2', '198.51.100.3', '198.51.100.4'];
		// Spied on, not silenced: the lines still reach the log.
		const warn = vi.spyOn(logger, 'warn');
		let warnings: unknown[] = [];
		try {
			for (const email of ['plain@protokol.test', 'careful@protokol.test']) {
				await fail(
					email,
					botnet.flatMap((a) => [a, a, a]),
					now
				);
			}
			warnings = warn.mock.calls.map((call) => call.at(-1));
		} finally {
			warn.mockRestore();
		}
		expect(warnings).toEqual([
			expect.stringContaining('"plain@protokol.test" has failed from several addresses 10 times'),
			expect.stringContaining('"careful@protokol.test" has failed from several addresses 10 times')
		]);

		const plain = await refusal(
			signIn(handle.db, { email: 'plain@protokol.test', password: PASSWORD }, meta('192.0.2.9'), now)
		);
		expect(plain).toBeInstanceOf(TooManyAttempts);
		const careful = await signIn(
			handle.db,
			{ email: 'careful@protokol.test', password: PASSWORD },
			meta('192.0.2.9'),
			now
		);
		expect(careful.session.twoFactorVerified).toBe(false);
		const wrong = await refusal(
			signIn(handle.db, { email: 'careful@protokol.test', password: 'a wrong one' }, meta('192.0.2.9'), now)
		);
		expect(wrong).toBeInstanceOf(TooManyAttempts);

		const guessed = await listGuessedAccounts(handle.db, now);
		expect(guessed.threshold).toBe(10);
		expect(guessed.accounts.map((a) => [a.accountKey, a.failures, a.addresses])).toEqual(
			expect.arrayContaining([
				['careful@protokol.test', 10, 4],
				['plain@protokol.test', 10, 4]
			])
		);
		// The tenth failure made the rest of the botnet's tries wait (uncounted): one second from it, then in.
		await expect(
			signIn(
				handle.db,
				{ email: 'plain@protokol.test', password: PASSWORD },
				meta('192.0.2.9'),
				seconds(now, 1)
			)
		).resolves.toBeTruthy();
	});

	test('changing the password ends the other sessions and keeps this one', async () => {
		const here = await signIn(
			handle.db,
			{ email: 'officer@protokol.test', password: PASSWORD },
			meta('192.0.2.50')
		);
		const elsewhere = await signIn(
			handle.db,
			{ email: 'officer@protokol.test', password: PASSWORD },
			meta('192.0.2.51')
		);
		const newPassword = 'a new and rather long passphrase';
		await expect(
			changePassword(
				handle.db,
				{ userId: here.user.id, label: 'officer', role: 'officer' as const },
				here.session.id,
				{
					current: 'wrong',
					password: newPassword,
					confirm: newPassword
				}
			)
		).rejects.toHaveProperty('fields.current');
		await changePassword(
			handle.db,
			{ userId: here.user.id, label: 'officer', role: 'officer' as const },
			here.session.id,
			{
				current: PASSWORD,
				password: newPassword,
				confirm: newPassword
			}
		);
		expect(await validateSessionToken(handle.db, here.token)).not.toBeNull();
		expect(await validateSessionToken(handle.db, elsewhere.token)).toBeNull();
		await expect(
			signIn(handle.db, { email: 'officer@protokol.test', password: newPassword }, meta('192.0.2.52'))
		).resolves.toBeTruthy();
		expect(await audit('user.change_password')).toHaveLength(1);
	});
});
