/**
 * Security headers on every kind of answer the built server gives: rendered pages (with SvelteKit's
 * nonce-based policy), error pages, refusals the hooks give by themselves, redirects and JSON; the
 * session cookie's attributes over plain HTTP and behind HTTPS (an https ORIGIN, as adapter-node is
 * configured behind a TLS-terminating proxy).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addUser, signInOverHttp, TEST_PASSWORD } from '../helpers/accounts';
import { startServer, type RunningServer } from '../helpers/server';

/** A Content-Security-Policy header as directive → sources. */
function parsePolicy(header: string | null): Map<string, string[]> {
	const policy = new Map<string, string[]>();
	for (const part of (header ?? '').split(';')) {
		const [name, ...sources] = part.trim().split(/\s+/);
		if (name) policy.set(name.toLowerCase(), sources);
	}
	return policy;
}

/** The sources a fetch directive ends up with: its own, or default-src's when it names none. */
function effective(policy: Map<string, string[]>, directive: string): string[] | undefined {
	return policy.get(directive) ?? policy.get('default-src');
}

/** A rendered page carries SvelteKit's policy with a nonce; anything else one that allows nothing. */
type Kind = 'page' | 'other';

function expectSecurityHeaders(response: Response, kind: Kind): void {
	const { headers } = response;
	expect(headers.get('x-content-type-options')).toBe('nosniff');
	expect(headers.get('x-frame-options')).toBe('DENY');
	expect(headers.get('referrer-policy')).toMatch(
		/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/
	);
	const header = headers.get('content-security-policy');
	expect(header, 'Content-Security-Policy').toBeTruthy();
	const policy = parsePolicy(header);
	expect(effective(policy, 'object-src')).toEqual(["'none'"]);
	expect(policy.get('base-uri')).toEqual(["'none'"]);
	expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
	const scripts = effective(policy, 'script-src') ?? [];
	for (const loose of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'http:', 'https:']) {
		expect(scripts).not.toContain(loose);
	}
	if (kind === 'page') {
		// A page with scripts allows its own by one nonce (the /events test below sees it on the inline one);
		// a page sent without scripts (csr = false) has none to allow, and SvelteKit then names no nonce.
		const nonces = scripts.filter((source) => /^'nonce-[A-Za-z0-9+/_-]{16,}={0,2}'$/.test(source));
		expect(nonces.length).toBeLessThanOrEqual(1);
	} else {
		expect(policy.get('default-src')).toEqual(["'none'"]);
	}
}

const nonceOf = (response: Response) =>
	/'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];

/** The attributes of a cookie's Set-Cookie line, lower-cased, without its name=value. */
function cookieAttributes(response: Response, name: string): string[] | undefined {
	const line = response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${name}=`));
	return line
		?.split(';')
		.slice(1)
		.map((part) => part.trim().toLowerCase());
}

const SESSION_COOKIE = 'protokol_session';

describe('over plain HTTP', () => {
	let dir: string;
	let server: RunningServer;
	let viewer: string;
	let admin: string;
	const get = (path: string, cookie?: string) =>
		fetch(`${server.url}${path}`, {
			redirect: 'manual',
			headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) }
		});

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'protokol-headers-'));
		const databaseUrl = join(dir, 'protokol.db');
		server = await startServer({ databaseUrl });
		viewer = await signInOverHttp(server, await addUser(databaseUrl, 'viewer'));
		admin = await signInOverHttp(server, await addUser(databaseUrl, 'admin'));
	});
	afterAll(async () => {
		await server?.stop();
		rmSync(dir, { recursive: true, force: true });
	});

	test('a page: /events signed in, with the same nonce on its inline script', async () => {
		const response = await get('/events', viewer);
		expect(response.status).toBe(200);
		expectSecurityHeaders(response, 'page');
		const html = await response.text();
		const nonce = nonceOf(response)!;
		const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]!);
		expect(inlineScripts.length).toBeGreaterThan(0);
		for (const attributes of inlineScripts) expect(attributes).toContain(`nonce="${nonce}"`);
	});

	test('the login page, with a fresh nonce every time', async () => {
		const first = await get('/login');
		const second = await get('/login');
		expect(first.status).toBe(200);
		expectSecurityHeaders(first, 'page');
		expectSecurityHeaders(second, 'page');
		expect(nonceOf(first)).not.toBe(nonceOf(second));
	});

	test('404 pages: an unknown path and an unknown record', async () => {
		for (const path of ['/no-such-page', '/events/999999']) {
			const response = await get(path, viewer);
			expect(response.status, path).toBe(404);
			expectSecurityHeaders(response, 'page');
		}
	});

	test('refusals the hooks give: 403 for a viewer on /admin/users, 401 for a stranger, 404 for /setup', async () => {
		const forbidden = await get('/admin/users', viewer);
		expect(forbidden.status).toBe(403);
		expectSecurityHeaders(forbidden, 'other');

		const stranger = await fetch(`${server.url}/events`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				origin: server.url,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: ''
		});
		expect(stranger.status).toBe(401);
		expectSecurityHeaders(stranger, 'other');

		const setup = await get('/setup');
		expect(setup.status).toBe(404);
		expectSecurityHeaders(setup, 'other');
	});

	test('a redirect: a stranger sent from /events to the login page', async () => {
		const response = await get('/events');
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/login?next=%2Fevents');
		expectSecurityHeaders(response, 'other');
	});

	test('/healthz (JSON)', async () => {
		const response = await get('/healthz');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^application\/json/);
		expectSecurityHeaders(response, 'other');
		expect(await response.json()).toMatchObject({ status: 'ok' });
	});

	test('pages that show data are never kept in shared caches', async () => {
		const events = await (await get('/events?when=past', viewer)).text();
		const eventPath = /href="\.?(\/events\/\d+)"/.exec(events)?.[1];
		const people = await (await get('/people', viewer)).text();
		const personPath = /href="\.?(\/people\/\d+)"/.exec(people)?.[1];
		expect(eventPath, 'an event in the demo data').toBeTruthy();
		expect(personPath, 'a person in the demo data').toBeTruthy();
		const pages: [string, string][] = [
			['/events', viewer],
			[eventPath!, viewer],
			['/people', viewer],
			[personPath!, viewer],
			['/organizations', viewer],
			['/outcomes', viewer],
			['/correspondence', viewer],
			['/account', viewer],
			['/admin/users', admin]
		];
		for (const [path, cookie] of pages) {
			const response = await get(path, cookie);
			expect(response.status, path).toBe(200);
			expect(response.headers.get('cache-control'), path).toBe('private, no-store');
			expectSecurityHeaders(response, 'page');
		}
	});

	test('the session cookie is HttpOnly, SameSite=Lax, Path=/ and, over plain HTTP, not Secure', async () => {
		const response = await fetch(`${server.url}/login`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				origin: server.url,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({ email: 'viewer@protokol.test', password: TEST_PASSWORD, next: '' })
		});
		expect(response.status).toBe(303);
		expectSecurityHeaders(response, 'other');
		const attributes = cookieAttributes(response, SESSION_COOKIE);
		expect(attributes).toBeDefined();
		expect(attributes).toContain('httponly');
		expect(attributes).toContain('samesite=lax');
		expect(attributes).toContain('path=/');
		expect(attributes).not.toContain('secure');
		expect(attributes!.some((a) => a.startsWith('domain='))).toBe(false);
		expect(response.headers.get('strict-transport-security')).toBeNull();
	});
});

describe('behind HTTPS (ORIGIN=https://protokol.test)', () => {
	const ORIGIN = 'https://protokol.test';
	let dir: string;
	let server: RunningServer;
	let cookie: string;
	const get = (path: string) =>
		fetch(`${server.url}${path}`, { redirect: 'manual', headers: { accept: 'text/html', cookie } });

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'protokol-headers-https-'));
		const databaseUrl = join(dir, 'protokol.db');
		await addUser(databaseUrl, 'viewer');
		// adapter-node takes the protocol and host of every request from ORIGIN, so plain HTTP to the
		// server stands for what a proxy would forward after ending TLS.
		server = await startServer({ databaseUrl, env: { ORIGIN, DEMO_DATA: 'off' } });
	});
	afterAll(async () => {
		await server?.stop();
		rmSync(dir, { recursive: true, force: true });
	});

	test('signing in sets a Secure cookie, with HSTS on the answer', async () => {
		const response = await fetch(`${server.url}/login`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: ORIGIN, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ email: 'viewer@protokol.test', password: TEST_PASSWORD, next: '' })
		});
		expect(response.status).toBe(303);
		const attributes = cookieAttributes(response, SESSION_COOKIE);
		expect(attributes).toContain('secure');
		expect(attributes).toContain('httponly');
		expect(attributes).toContain('samesite=lax');
		expect(attributes).toContain('path=/');
		const hsts = response.headers.get('strict-transport-security') ?? '';
		// At least a year, as browsers' preload rules and common guidance ask.
		expect(Number(/max-age=(\d+)/.exec(hsts)?.[1])).toBeGreaterThanOrEqual(31_536_000);
		cookie = response.headers.getSetCookie()[0]!.split(';')[0]!;
	});

	test('HSTS on every kind of answer', async () => {
		const answers: [string, number][] = [
			['/events', 200],
			['/login', 303],
			['/no-such-page', 404],
			['/admin/users', 403],
			['/healthz', 200]
		];
		for (const [path, status] of answers) {
			const response = await get(path);
			expect(response.status, path).toBe(status);
			expect(response.headers.get('strict-transport-security'), path).toMatch(/^max-age=\d+/);
		}
		const anonymous = await fetch(`${server.url}/events`, { redirect: 'manual' });
		expect(anonymous.status).toBe(303);
		expect(anonymous.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
	});

	test('a session renewed on use keeps the Secure attribute, and signing out clears it as Secure', async () => {
		const page = await get('/events');
		const renewed = cookieAttributes(page, SESSION_COOKIE);
		expect(renewed).toContain('secure');

		const response = await fetch(`${server.url}/logout`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: ORIGIN, cookie }
		});
		expect(response.status).toBe(303);
		const cleared = cookieAttributes(response, SESSION_COOKIE);
		expect(cleared).toContain('secure');
		expect(cleared).toContain('httponly');
		expect(cleared!.some((a) => a === 'max-age=0' || a.startsWith('expires=thu, 01 jan 1970'))).toBe(true);
	});
});
