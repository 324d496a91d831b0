import { afterAll, beforeAll, expect, test } from 'vitest';
import {
	ABSOLUTE_TIMEOUT_MS,
	createSession,
	IDLE_TIMEOUT_MS,
	invalidateUserSessions,
	validateSessionToken
} from '$lib/server/auth/session';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';

const minutes = (n: number) => n * 60 * 1000;

describeEachEngine('sessions', (engine) => {
	let handle: TestDatabase;
	let userId: number;

	beforeAll(async () => {
		handle = await engine.open();
		const now = new Date().toISOString();
		const user = await handle.db
			.insertInto('user_account')
			.values({
				email: 'officer@protokol.test',
				name: 'Officer',
				role: 'officer',
				password_hash: 'not used here',
				password_changed_at: now,
				created_at: now,
				updated_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		userId = user.id;
	});
	afterAll(() => handle.cleanup());

	const start = new Date('2026-03-28T08:00:00.000Z');
	const later = (ms: number) => new Date(start.getTime() + ms);
	const open = () => createSession(handle.db, userId, { twoFactorVerified: true }, start);

	test('a token is "<id>.<secret>" with 160 random bits in each half, and only a hash of the secret is stored', async () => {
		const { token, session } = await open();
		expect(token).toMatch(/^[a-z2-7]{32}\.[a-z2-7]{32}$/);
		const row = await handle.db
			.selectFrom('user_session')
			.selectAll()
			.where('id', '=', session.id)
			.executeTakeFirstOrThrow();
		expect(row.secret_hash).toMatch(/^[0-9a-f]{64}$/);
		expect(JSON.stringify(row)).not.toContain(token.split('.')[1]);
	});

	test('the right token finds the session and its user', async () => {
		const { token } = await open();
		const found = await validateSessionToken(handle.db, token, later(minutes(1)));
		expect(found?.user).toMatchObject({ id: userId, role: 'officer', email: 'officer@protokol.test' });
	});

	test('a wrong secret, a malformed token and an unknown id find nothing', async () => {
		const { token } = await open();
		const [id] = token.split('.');
		expect(await validateSessionToken(handle.db, `${id}.${'a'.repeat(32)}`, start)).toBeNull();
		expect(await validateSessionToken(handle.db, 'nonsense', start)).toBeNull();
		expect(await validateSessionToken(handle.db, `${'b'.repeat(32)}.${'c'.repeat(32)}`, start)).toBeNull();
		expect(await validateSessionToken(handle.db, token, start)).not.toBeNull();
	});

	test('a session left idle for 30 minutes ends', async () => {
		const { token } = await open();
		expect(await validateSessionToken(handle.db, token, later(IDLE_TIMEOUT_MS - 1000))).not.toBeNull();
		// That use renewed it: 29 minutes after it, it still lives …
		expect(await validateSessionToken(handle.db, token, later(IDLE_TIMEOUT_MS + minutes(28)))).not.toBeNull();
		// … and 31 minutes without use end it for good.
		expect(
			await validateSessionToken(handle.db, token, later(IDLE_TIMEOUT_MS + minutes(28) + minutes(31)))
		).toBeNull();
		expect(await validateSessionToken(handle.db, token, later(IDLE_TIMEOUT_MS + minutes(29)))).toBeNull();
	});

	test('a session in constant use still ends after 12 hours', async () => {
		const { token } = await open();
		for (let t = minutes(20); t < ABSOLUTE_TIMEOUT_MS; t += minutes(20)) {
			expect(await validateSessionToken(handle.db, token, later(t)), `at ${t / 60000} min`).not.toBeNull();
		}
		expect(await validateSessionToken(handle.db, token, later(ABSOLUTE_TIMEOUT_MS))).toBeNull();
	});

	test('disabling the user ends the session at once', async () => {
		const { token } = await open();
		await handle.db
			.updateTable('user_account')
			.set({ disabled_at: start.toISOString() })
			.where('id', '=', userId)
			.execute();
		try {
			expect(await validateSessionToken(handle.db, token, later(1000))).toBeNull();
		} finally {
			await handle.db
				.updateTable('user_account')
				.set({ disabled_at: null })
				.where('id', '=', userId)
				.execute();
		}
	});

	test('ending all sessions of a user can spare the current one', async () => {
		const kept = await open();
		const other = await open();
		await invalidateUserSessions(handle.db, userId, kept.session.id);
		expect(await validateSessionToken(handle.db, kept.token, later(1000))).not.toBeNull();
		expect(await validateSessionToken(handle.db, other.token, later(1000))).toBeNull();
	});
});
