/** The operator's command line: npm run user -- add | list | disable, on a real SQLite file. */
import { describe, expect, test } from 'vitest';
import { verifyPassword } from '$lib/server/auth/password';
import { commandLine } from '../helpers/cli';

describe('the user command', () => {
	const { run, withDatabase } = commandLine('scripts/user.ts');

	const storedUser = (email: string) =>
		withDatabase((db) =>
			db.selectFrom('user_account').selectAll().where('email', '=', email).executeTakeFirst()
		);

	test('adds a user with the password read from standard input, hashed', async () => {
		const result = run(
			['add', '--email', 'Chief.Officer@Protokol.test', '--name', 'Chief Officer', '--role', 'officer'],
			'a long passphrase for the cli\n'
		);
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		const user = await storedUser('chief.officer@protokol.test');
		expect(user).toMatchObject({ role: 'officer', name: 'Chief Officer', disabled_at: null });
		expect(user!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(await verifyPassword(user!.password_hash, 'a long passphrase for the cli')).toBe(true);
	});

	test('refuses a bad role or a common password with a message and exit code 2', () => {
		const badRole = run(
			['add', '--email', 'x@protokol.test', '--name', 'X', '--role', 'emperor'],
			'a long passphrase\n'
		);
		expect(badRole.status).toBe(2);
		expect(badRole.stderr).toContain('role');
		const common = run(
			['add', '--email', 'y@protokol.test', '--name', 'Y', '--role', 'viewer'],
			'password123\n'
		);
		expect(common.status).toBe(2);
		expect(common.stderr).toMatch(/common/);
	});

	test('lists the users', () => {
		const result = run(['list']);
		expect(result.status).toBe(0);
		expect(result.stdout).toContain('chief.officer@protokol.test\tofficer\tChief Officer\tactive');
	});

	test('disables a user', async () => {
		const result = run(['disable', '--email', 'chief.officer@protokol.test']);
		expect(result.status).toBe(0);
		expect((await storedUser('chief.officer@protokol.test'))!.disabled_at).not.toBeNull();
		expect(run(['disable', '--email', 'nobody@protokol.test']).status).toBe(2);
	});

	test('without a known command it prints the usage', () => {
		const result = run(['frobnicate']);
		expect(result.status).toBe(2);
		expect(result.stderr).toContain('Usage');
	});
});
