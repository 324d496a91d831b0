import { afterAll, beforeAll, expect, test } from 'vitest';
import { validateSessionToken } from '$lib/server/auth/session';
import { Forbidden, RuleViolation, TooManyAttempts } from '$lib/server/errors';
import {
	changePassword,
	createFirstAdministrator,
	createUser,
	needsFirstAdministrator,
	setUserDisabled,
	signIn
} from '$lib/server/users/user.service';
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

	test('five failures for one account make even the right password wait', async () => {
		await createUser(handle.db, admin(), {
			name: 'Target',
			email: 'target@protokol.test',
			role: 'viewer',
			password: PASSWORD
		});
		const now = new Date();
		for (let i = 0; i < 5; i++) {
			// From different addresses: a per-account limit must not be reset by changing address.
			await signIn(
				handle.db,
				{ email: 'target@protokol.test', password: 'not it at all' },
				meta(`203.0.113.${i}`),
				now
			).catch(() => {});
		}
		await expect(
			signIn(handle.db, { email: 'target@protokol.test', password: PASSWORD }, meta('203.0.113.99'), now)
		).rejects.toBeInstanceOf(TooManyAttempts);
		const afterWindow = new Date(now.getTime() + 15 * 60 * 1000 + 1000);
		await expect(
			signIn(
				handle.db,
				{ email: 'target@protokol.test', password: PASSWORD },
				meta('203.0.113.99'),
				afterWindow
			)
		).resolves.toBeTruthy();
	});

	test('twenty failures from one address make every account wait there', async () => {
		const now = new Date();
		for (let i = 0; i < 20; i++) {
			await signIn(
				handle.db,
				{ email: `guess${i}@protokol.test`, password: 'nope nope nope' },
				meta('192.0.2.200'),
				now
			).catch(() => {});
		}
		await expect(
			signIn(handle.db, { email: 'officer@protokol.test', password: PASSWORD }, meta('192.0.2.200'), now)
		).rejects.toBeInstanceOf(TooManyAttempts);
		await expect(
			signIn(handle.db, { email: 'officer@protokol.test', password: PASSWORD }, meta('192.0.2.201'), now)
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
