/**
 * Which URL the server believes it is at decides two things: whether a form's Origin counts as our own
 * (SvelteKit's cross-site check and ours), and whether the session cookie is Secure. With nothing
 * configured, the server is at the address the browser used over plain http; behind a TLS proxy, ORIGIN
 * (or the proxy's protocol and host headers, named by PROTOCOL_HEADER and HOST_HEADER) decides, and no
 * header a client sends can change that.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addUser, TEST_PASSWORD } from '../helpers/accounts';
import { startServer } from '../helpers/server';

const EMAIL = 'officer@protokol.test';

/** Signs in with a form post from `origin` to `base`, as a browser at that origin would. */
function signIn(base: string, origin: string, headers: Record<string, string> = {}) {
	return fetch(`${base}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			...headers
		},
		body: new URLSearchParams({ email: EMAIL, password: TEST_PASSWORD, next: '' })
	});
}

/** The attributes of the session cookie a response sets, lower-cased; undefined when it sets none. */
function sessionCookie(response: Response): string[] | undefined {
	const line = response.headers.getSetCookie().find((cookie) => cookie.startsWith('protokol_session='));
	return line
		?.split(';')
		.slice(1)
		.map((part) => part.trim().toLowerCase());
}

async function serverWith(env: Record<string, string>) {
	const dir = mkdtempSync(join(tmpdir(), 'protokol-public-url-'));
	const databaseUrl = join(dir, 'protokol.db');
	await addUser(databaseUrl, 'officer', EMAIL);
	const server = await startServer({ databaseUrl, env: { DEMO_DATA: 'off', ...env } });
	return {
		server,
		port: new URL(server.url).port,
		async stop() {
			await server.stop();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

describe('with nothing configured, as `npm start` runs it', () => {
	let running: Awaited<ReturnType<typeof serverWith>>;
	beforeAll(async () => {
		running = await serverWith({});
	});
	afterAll(() => running?.stop());

	test('a form posted at http://localhost:<port> is taken, and its session cookie is not Secure', async () => {
		const base = `http://localhost:${running.port}`;
		const response = await signIn(base, base);
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/');
		const attributes = sessionCookie(response);
		expect(attributes).toContain('httponly');
		expect(attributes).not.toContain('secure');
		expect(response.headers.get('strict-transport-security')).toBeNull();
	});

	test('so is one posted at http://127.0.0.1:<port>', async () => {
		const base = `http://127.0.0.1:${running.port}`;
		const response = await signIn(base, base);
		expect(response.status).toBe(303);
		expect(sessionCookie(response)).not.toContain('secure');
	});

	test('a form from another site is refused, and sets no cookie', async () => {
		const base = `http://localhost:${running.port}`;
		for (const origin of ['http://evil.example', `https://localhost:${running.port}`, 'null']) {
			const response = await signIn(base, origin);
			expect(response.status, origin).toBe(403);
			expect(sessionCookie(response), origin).toBeUndefined();
		}
	});

	test('a client claiming https through a header changes nothing', async () => {
		const base = `http://localhost:${running.port}`;
		const claims = {
			'x-forwarded-proto': 'https',
			'x-protokol-connection-protocol': 'https',
			forwarded: 'proto=https'
		};
		const own = await signIn(base, base, claims);
		expect(own.status).toBe(303);
		expect(sessionCookie(own)).not.toContain('secure');
		const claimed = await signIn(base, `https://localhost:${running.port}`, claims);
		expect(claimed.status).toBe(403);
	});

	test('an enhanced form refused by the hooks gets an error result it can show, with its status', async () => {
		const response = await fetch(`http://localhost:${running.port}/events/new?/save`, {
			method: 'POST',
			headers: {
				origin: `http://localhost:${running.port}`,
				accept: 'application/json',
				'x-sveltekit-action': 'true',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: 'title=x'
		});
		expect(response.status).toBe(401);
		expect(await response.json()).toEqual({ type: 'error', error: { message: 'Sign in first.' } });
	});
});

describe('behind a TLS proxy, with ORIGIN=https://protokol.test', () => {
	const ORIGIN = 'https://protokol.test';
	let running: Awaited<ReturnType<typeof serverWith>>;
	beforeAll(async () => {
		running = await serverWith({ ORIGIN });
	});
	afterAll(() => running?.stop());

	test('signing in from the public origin sets a Secure cookie', async () => {
		// Plain http to the server stands for what the proxy forwards after ending TLS.
		const response = await signIn(running.server.url, ORIGIN);
		expect(response.status).toBe(303);
		expect(sessionCookie(response)).toContain('secure');
		expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
	});

	test('a cross-site post is refused, and so is one from the plain-http or the direct address', async () => {
		const origins = ['https://evil.example', 'http://protokol.test', running.server.url];
		for (const origin of origins) {
			const response = await signIn(running.server.url, origin);
			expect(response.status, origin).toBe(403);
			expect(sessionCookie(response), origin).toBeUndefined();
		}
	});
});

describe('behind a proxy that names its headers (PROTOCOL_HEADER, HOST_HEADER)', () => {
	let running: Awaited<ReturnType<typeof serverWith>>;
	beforeAll(async () => {
		running = await serverWith({ PROTOCOL_HEADER: 'x-forwarded-proto', HOST_HEADER: 'x-forwarded-host' });
	});
	afterAll(() => running?.stop());

	const proxied = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'protokol.test' };

	test('the proxy’s https decides: the cookie is Secure', async () => {
		const response = await signIn(running.server.url, 'https://protokol.test', proxied);
		expect(response.status).toBe(303);
		expect(sessionCookie(response)).toContain('secure');
	});

	test('a post from another origin is still refused', async () => {
		const response = await signIn(running.server.url, 'https://evil.example', proxied);
		expect(response.status).toBe(403);
		expect(sessionCookie(response)).toBeUndefined();
	});
});
