/**
 * Cross-site request forgery, asked of the production build: a POST sent from another site is refused
 * with 403 whatever its content type (form, multipart, JSON, plain text, none at all), whether the
 * browser names the other site in Origin or only in Sec-Fetch-Site, and it changes nothing — even with
 * the victim's session cookie attached, as a browser would attach it. Same-origin POSTs still work, and
 * no GET changes anything.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '$lib/server/db/connection';
import { addUser, signInOverHttp, TEST_PASSWORD } from '../helpers/accounts';
import { startServer, type RunningServer } from '../helpers/server';

type ContentKind = 'form' | 'multipart' | 'json' | 'text' | 'none';
const CONTENT_KINDS: ContentKind[] = ['form', 'multipart', 'json', 'text', 'none'];

/** A body of each kind carrying the same fields, and the content type that goes with it. */
function bodyOf(kind: ContentKind, fields: Record<string, string>): { body: BodyInit; contentType?: string } {
	const urlencoded = new URLSearchParams(fields).toString();
	switch (kind) {
		case 'form':
			return { body: urlencoded, contentType: 'application/x-www-form-urlencoded' };
		case 'multipart': {
			const data = new FormData();
			for (const [name, value] of Object.entries(fields)) data.set(name, value);
			// fetch writes the multipart content type, boundary included, itself.
			return { body: data };
		}
		case 'json':
			return { body: JSON.stringify(fields), contentType: 'application/json' };
		case 'text':
			return { body: urlencoded, contentType: 'text/plain' };
		case 'none':
			// Bytes without a type: fetch sends no Content-Type header at all.
			return { body: new TextEncoder().encode(urlencoded) };
	}
}

/** How the browser tells the server the request comes from elsewhere. */
type CrossSite = 'origin' | 'sec-fetch-site';
const CROSS_SITE: Record<CrossSite, Record<string, string>> = {
	origin: { origin: 'https://evil.example' },
	'sec-fetch-site': { 'sec-fetch-site': 'cross-site' }
};

let dir: string;
let databaseUrl: string;
let server: RunningServer;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-csrf-'));
	databaseUrl = join(dir, 'protokol.db');
	server = await startServer({ databaseUrl, env: { DEMO_DATA: 'off' } });
});
afterAll(async () => {
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

async function inDatabase<T>(read: (db: ReturnType<typeof openDatabase>['db']) => Promise<T>): Promise<T> {
	const handle = openDatabase(databaseUrl);
	try {
		return await read(handle.db);
	} finally {
		await handle.close();
	}
}

const countRows = (table: 'user_account' | 'user_session' | 'login_attempt' | 'audit_entry') =>
	inDatabase(async (db) => {
		const row = await db
			.selectFrom(table)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		return Number(row.n);
	});

const passwordHashOf = (email: string) =>
	inDatabase(async (db) => {
		const row = await db
			.selectFrom('user_account')
			.select('password_hash')
			.where('email', '=', email)
			.executeTakeFirstOrThrow();
		return row.password_hash;
	});

function post(
	path: string,
	kind: ContentKind,
	fields: Record<string, string>,
	headers: Record<string, string>
) {
	const { body, contentType } = bodyOf(kind, fields);
	return fetch(`${server.url}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { accept: 'text/html', ...(contentType ? { 'content-type': contentType } : {}), ...headers },
		body
	});
}

/** Whether a session cookie still opens a page that needs one. */
async function sessionWorks(cookie: string): Promise<boolean> {
	const response = await fetch(`${server.url}/events`, { redirect: 'manual', headers: { cookie } });
	return response.status === 200;
}

const forgeries = CONTENT_KINDS.flatMap((kind) =>
	(Object.keys(CROSS_SITE) as CrossSite[]).map((crossSite) => ({ kind, crossSite }))
);

describe('cross-site POSTs are refused and change nothing', () => {
	let admin: string;
	let viewerEmail: string;
	let viewer: string;

	beforeAll(async () => {
		admin = await signInOverHttp(server, await addUser(databaseUrl, 'admin'));
		viewerEmail = await addUser(databaseUrl, 'viewer');
		viewer = await signInOverHttp(server, viewerEmail);
	});

	test.each(forgeries)('/login ($kind, $crossSite)', async ({ kind, crossSite }) => {
		const [sessions, attempts, audit] = await Promise.all([
			countRows('user_session'),
			countRows('login_attempt'),
			countRows('audit_entry')
		]);
		const response = await post(
			'/login',
			kind,
			{ email: viewerEmail, password: TEST_PASSWORD, next: '' },
			CROSS_SITE[crossSite]
		);
		expect(response.status).toBe(403);
		expect(response.headers.getSetCookie()).toEqual([]);
		expect(await countRows('user_session')).toBe(sessions);
		expect(await countRows('login_attempt')).toBe(attempts);
		expect(await countRows('audit_entry')).toBe(audit);
	});

	test.each(forgeries)(
		'/admin/users?/create with the administrator’s cookie ($kind, $crossSite)',
		async ({ kind, crossSite }) => {
			const email = `forged-${kind}-${crossSite}@protokol.test`;
			const users = await countRows('user_account');
			const response = await post(
				'/admin/users?/create',
				kind,
				{ name: 'Forged Admin', email, role: 'admin', password: 'a forged but long password' },
				{ cookie: admin, ...CROSS_SITE[crossSite] }
			);
			expect(response.status).toBe(403);
			expect(await countRows('user_account')).toBe(users);
			const created = await inDatabase((db) =>
				db.selectFrom('user_account').select('id').where('email', '=', email).executeTakeFirst()
			);
			expect(created).toBeUndefined();
		}
	);

	test.each(forgeries)(
		'/logout with the viewer’s cookie ($kind, $crossSite)',
		async ({ kind, crossSite }) => {
			const response = await post('/logout', kind, {}, { cookie: viewer, ...CROSS_SITE[crossSite] });
			expect(response.status).toBe(403);
			// The refusal neither clears the cookie nor ends the session behind it.
			expect(response.headers.getSetCookie()).toEqual([]);
			expect(await sessionWorks(viewer)).toBe(true);
		}
	);

	test.each(forgeries)(
		'/account?/changePassword with the viewer’s cookie ($kind, $crossSite)',
		async ({ kind, crossSite }) => {
			const before = await passwordHashOf(viewerEmail);
			const response = await post(
				'/account?/changePassword',
				kind,
				{ current: TEST_PASSWORD, password: 'chosen by the attacker', confirm: 'chosen by the attacker' },
				{ cookie: viewer, ...CROSS_SITE[crossSite] }
			);
			expect(response.status).toBe(403);
			expect(await passwordHashOf(viewerEmail)).toBe(before);
			expect(await sessionWorks(viewer)).toBe(true);
		}
	);

	test('the viewer can still sign in with the old password afterwards', async () => {
		expect(await sessionWorks(await signInOverHttp(server, viewerEmail))).toBe(true);
	});

	test('a request from a sibling site (Sec-Fetch-Site: same-site) is refused too', async () => {
		const users = await countRows('user_account');
		const response = await post(
			'/admin/users?/create',
			'form',
			{ name: 'Sibling', email: 'sibling@protokol.test', role: 'admin', password: 'a sibling long password' },
			{ cookie: admin, 'sec-fetch-site': 'same-site', origin: server.url }
		);
		expect(response.status).toBe(403);
		expect(await countRows('user_account')).toBe(users);
	});

	test('an opaque origin (Origin: null, as a sandboxed frame sends) is refused', async () => {
		const response = await post('/logout', 'none', {}, { cookie: viewer, origin: 'null' });
		expect(response.status).toBe(403);
		expect(await sessionWorks(viewer)).toBe(true);
	});
});

describe('same-origin POSTs still work', () => {
	const sameOrigin = () => ({ origin: server.url, 'sec-fetch-site': 'same-origin' });
	let admin: string;

	beforeAll(async () => {
		admin = await signInOverHttp(
			server,
			await addUser(databaseUrl, 'admin', 'same-origin-admin@protokol.test')
		);
	});

	test.each(['form', 'multipart'] as const)('an administrator creates a user (%s)', async (kind) => {
		const email = `same-origin-${kind}@protokol.test`;
		const response = await post(
			'/admin/users?/create',
			kind,
			{ name: 'Created Here', email, role: 'viewer', password: 'a perfectly long password' },
			{ cookie: admin, ...sameOrigin() }
		);
		expect(response.status).toBe(200);
		const created = await inDatabase((db) =>
			db.selectFrom('user_account').select('role').where('email', '=', email).executeTakeFirst()
		);
		expect(created).toEqual({ role: 'viewer' as const });
	});

	test('signing in from the login page', async () => {
		const email = await addUser(databaseUrl, 'officer');
		const response = await post('/login', 'form', { email, password: TEST_PASSWORD, next: '' }, sameOrigin());
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/');
	});

	// Our hook looks at where a request comes from, not at its content type: a same-origin fetch with
	// JSON or with no body type at all goes through.
	test.each(['form', 'json', 'none'] as const)('signing out (%s) ends the session', async (kind) => {
		const cookie = await signInOverHttp(server, 'same-origin-admin@protokol.test');
		expect(await sessionWorks(cookie)).toBe(true);
		const response = await post('/logout', kind, {}, { cookie, ...sameOrigin() });
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/login');
		expect(await sessionWorks(cookie)).toBe(false);
	});

	test('a request without Origin or Sec-Fetch-Site (not a browser) may sign out', async () => {
		const cookie = await signInOverHttp(server, 'same-origin-admin@protokol.test');
		const response = await post('/logout', 'none', {}, { cookie });
		expect(response.status).toBe(303);
		expect(await sessionWorks(cookie)).toBe(false);
	});
});

describe('no GET changes anything', () => {
	let cookie: string;

	beforeAll(async () => {
		cookie = await signInOverHttp(server, await addUser(databaseUrl, 'admin', 'get-admin@protokol.test'));
	});

	test('GET /logout does not end the session', async () => {
		const response = await fetch(`${server.url}/logout`, { redirect: 'manual', headers: { cookie } });
		expect(response.status).toBe(405);
		expect(response.headers.getSetCookie().some((c) => /max-age=0|expires=thu, 01 jan 1970/i.test(c))).toBe(
			false
		);
		expect(await sessionWorks(cookie)).toBe(true);
	});

	test('GET on form actions runs no action', async () => {
		const [users, audit] = await Promise.all([countRows('user_account'), countRows('audit_entry')]);
		const hash = await passwordHashOf('get-admin@protokol.test');
		const query = new URLSearchParams({
			name: 'By GET',
			email: 'by-get@protokol.test',
			role: 'admin',
			password: 'a perfectly long password',
			current: TEST_PASSWORD,
			confirm: 'a perfectly long password',
			userId: '1'
		});
		for (const action of [
			'/admin/users?/create',
			'/admin/users?/disable',
			'/admin/users?/endSessions',
			'/account?/changePassword',
			'/account/two-factor?/begin'
		]) {
			const response = await fetch(`${server.url}${action}&${query}`, {
				redirect: 'manual',
				headers: { cookie }
			});
			expect(response.status, action).toBeLessThan(500);
		}
		expect(await countRows('user_account')).toBe(users);
		expect(await countRows('audit_entry')).toBe(audit);
		expect(await passwordHashOf('get-admin@protokol.test')).toBe(hash);
		expect(await sessionWorks(cookie)).toBe(true);
		const pending = await inDatabase((db) =>
			db
				.selectFrom('user_account')
				.select('totp_pending_key')
				.where('email', '=', 'get-admin@protokol.test')
				.executeTakeFirstOrThrow()
		);
		expect(pending.totp_pending_key).toBeNull();
	});
});
