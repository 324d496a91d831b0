/** Signing in and out of the built server as a browser without JavaScript would. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { codeAt } from '$lib/server/auth/totp';
import { openDatabase } from '$lib/server/db/connection';
import { addUser, signInOverHttp, TEST_PASSWORD } from '../helpers/accounts';
import { postForm } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';

let dir: string;
let databaseUrl: string;
let server: RunningServer;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-sign-in-'));
	databaseUrl = join(dir, 'protokol.db');
	server = await startServer({ databaseUrl });
});
afterAll(async () => {
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

const post = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
	postForm(server, path, fields, { headers });

const get = (path: string, cookie?: string) =>
	fetch(`${server.url}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });

describe('signing in and out', () => {
	test('signing out ends the session on the server, not only in the browser', async () => {
		const cookie = await signInOverHttp(
			server,
			await addUser(databaseUrl, 'viewer', 'leaving@protokol.test')
		);
		expect((await get('/events', cookie)).status).toBe(200);
		const out = await post('/logout', {}, { cookie });
		expect(out.status).toBe(303);
		expect(out.headers.get('location')).toBe('/login');
		expect(out.headers.get('set-cookie')).toMatch(/protokol_session=;/);
		// The old cookie, replayed, opens nothing.
		const replay = await get('/events', cookie);
		expect(replay.status).toBe(303);
		expect(replay.headers.get('location')).toMatch(/^\/login/);
	});

	test('a signed-out visitor is sent to sign in and then back where they were going', async () => {
		const email = await addUser(databaseUrl, 'viewer', 'returning@protokol.test');
		const first = await get('/people?after=x');
		expect(first.headers.get('location')).toBe(`/login?next=${encodeURIComponent('/people?after=x')}`);
		const signIn = await post('/login', { email, password: TEST_PASSWORD, next: '/people?after=x' });
		expect(signIn.status).toBe(303);
		expect(signIn.headers.get('location')).toBe('/people?after=x');
		const offsite = await post('/login', { email, password: TEST_PASSWORD, next: '//evil.example/' });
		expect(offsite.headers.get('location')).toBe('/');
	});

	test('a forged X-Forwarded-For does not reset the throttle', async () => {
		const email = await addUser(databaseUrl, 'viewer', 'throttled@protokol.test');
		// Eight failures of this account from this connection's address, just now: a wait of 16 s.
		const handle = openDatabase(databaseUrl);
		try {
			const at = new Date().toISOString();
			const failure = { at, account_key: email, client_address: '127.0.0.1', succeeded: 0 as const };
			await handle.db.insertInto('login_attempt').values(Array(8).fill(failure)).execute();
		} finally {
			await handle.close();
		}
		for (const forged of ['203.0.113.1', '198.51.100.77']) {
			const held = await post('/login', { email, password: TEST_PASSWORD }, { 'x-forwarded-for': forged });
			expect(held.status).toBe(429);
			expect(await held.text()).toMatch(/Too many attempts\. Wait 1\d seconds and try again\./);
		}
	});

	test('a forwarding header without ADDRESS_HEADER set is warned about in the log, once', async () => {
		const own = await startServer({ env: { DEMO_DATA: 'off' } });
		try {
			await fetch(`${own.url}/login`);
			expect(own.output()).not.toContain('ADDRESS_HEADER is not set');
			await fetch(`${own.url}/login`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
			await fetch(`${own.url}/login`, { headers: { forwarded: 'for=203.0.113.9' } });
			await expect.poll(() => own.output()).toContain('ADDRESS_HEADER is not set');
			expect(own.output().split('ADDRESS_HEADER is not set').length - 1).toBe(1);
		} finally {
			await own.stop();
		}
	});

	test('with two-factor sign-in, the password alone reaches only the code page', async () => {
		const email = await addUser(databaseUrl, 'officer', 'careful@protokol.test');
		const key = '3132333435363738393031323334353637383930';
		const handle = openDatabase(databaseUrl);
		try {
			await handle.db
				.updateTable('user_account')
				.set({ totp_key: key, totp_enabled_at: new Date().toISOString() })
				.where('email', '=', email)
				.execute();
		} finally {
			await handle.close();
		}
		const signIn = await post('/login', { email, password: TEST_PASSWORD, next: '/people' });
		expect(signIn.status).toBe(303);
		expect(signIn.headers.get('location')).toBe(`/login/two-factor?next=${encodeURIComponent('/people')}`);
		const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
		const blocked = await get('/events', cookie);
		expect(blocked.headers.get('location')).toBe('/login/two-factor');
		const wrong = await post('/login/two-factor', { code: '000000', next: '/people' }, { cookie });
		expect(wrong.status).toBe(400);
		const right = await post('/login/two-factor', { code: codeAt(key), next: '/people' }, { cookie });
		expect(right.status).toBe(303);
		expect(right.headers.get('location')).toBe('/people');
		expect((await get('/events', cookie)).status).toBe(200);
	});
});
