/**
 * The read API over HTTP, against the built server on the demo data, as an integration uses it: an
 * administrator issues a token at the admin page (shown once, only its hash kept), the integration reads
 * the demo event with it, pages through lists, gets 304 for what it holds, and is refused with a problem
 * (RFC 9457) for a bad cursor or parameter; then the token is revoked at the same page and refused with
 * 401. And the rate per token: past it, 429 with Retry-After.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { addApiToken, bearer } from '../helpers/api-tokens';
import { demoEventId } from '../helpers/demo-records';
import { insertPerson } from '../helpers/factories';
import { countRows, postForm, withDatabase } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';

const DEMO_EVENT = 'International Migrants Day 2021';

let dir: string;
let server: RunningServer;
let admin: string;
let token: string;
let eventId: number;

const api = (path: string, headers: Record<string, string> = {}) =>
	fetch(`${server.url}${path}`, { headers: { ...bearer(token), ...headers }, redirect: 'manual' });

async function expectProblem(response: Response, status: number) {
	expect(response.status).toBe(status);
	expect(response.headers.get('content-type')).toBe('application/problem+json');
	const body = (await response.json()) as {
		type: string;
		title: string;
		status: number;
		detail: string;
		invalidParams?: { name: string; reason: string }[];
	};
	expect(body.status).toBe(status);
	expect(body.type).toBe('about:blank');
	expect(body.detail.length).toBeGreaterThan(0);
	return body;
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-api-'));
	const databaseUrl = join(dir, 'protokol.db');
	server = await startServer({ databaseUrl });
	admin = await signInOverHttp(server, await addUser(databaseUrl, 'admin'));
	eventId = await withDatabase(databaseUrl, (db) => demoEventId(db, DEMO_EVENT));
});
afterAll(async () => {
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

describe('a token issued at the admin page', () => {
	test('is shown once in the answer and stored only as its hash, with an audit entry', async () => {
		const response = await postForm(
			server,
			'/admin/api-tokens?/issue',
			{ name: 'Intranet calendar', role: 'viewer', validThrough: '' },
			{ cookie: admin }
		);
		expect(response.status).toBe(200);
		const html = await response.text();
		const shown = /value="([a-z2-7]{32}\.[a-z2-7]{32})"/.exec(html);
		expect(shown).not.toBeNull();
		token = shown![1]!;
		const row = await withDatabase(server.databaseUrl, (db) =>
			db.selectFrom('api_token').selectAll().where('name', '=', 'Intranet calendar').executeTakeFirstOrThrow()
		);
		expect(row.role).toBe('viewer');
		expect(row.scope).toBe('read');
		expect(row.lookup_id).toBe(token.split('.')[0]);
		expect(row.secret_hash).toMatch(/^[0-9a-f]{64}$/);
		expect(JSON.stringify(row)).not.toContain(token.split('.')[1]);
		const audit = await withDatabase(server.databaseUrl, (db) =>
			db
				.selectFrom('audit_entry')
				.select(['action', 'after_json'])
				.where('entity_type', '=', 'api_token')
				.execute()
		);
		expect(audit.map((a) => a.action)).toEqual(['issue']);
		expect(audit[0]!.after_json).not.toContain(token.split('.')[1]);
		// The page lists it afterwards, without the token.
		const page = await (await fetch(`${server.url}/admin/api-tokens`, { headers: { cookie: admin } })).text();
		expect(page).toContain('Intranet calendar');
		expect(page).not.toContain(token);
	});

	test('reads the demo event with its agenda, participants and outcomes', async () => {
		const response = await api(`/api/v1/events/${eventId}`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/json');
		const event = (await response.json()) as {
			id: number;
			title: string;
			agenda: { title: string }[];
			delegations: { members: { name: string }[]; head: unknown }[];
			participantCount: number;
			outcomes: unknown[];
		};
		expect(event.id).toBe(eventId);
		expect(event.title).toBe(DEMO_EVENT);
		expect(event.agenda.length).toBeGreaterThan(0);
		const listed = event.delegations.reduce((n, d) => n + d.members.length + (d.head ? 1 : 0), 0);
		expect(listed).toBe(event.participantCount);
		expect(event.participantCount).toBeGreaterThan(0);
		expect(Array.isArray(event.outcomes)).toBe(true);
		// Nothing but what the schema names: no personal-link secrets, no e-mail addresses, no needs.
		const text = JSON.stringify(event);
		expect(text).not.toMatch(/"(token|secretHash|email|phone|needs|dietaryNote|securityNote)":/);
		expect(text).not.toContain('@');
		const used = await withDatabase(server.databaseUrl, (db) =>
			db
				.selectFrom('api_token')
				.select('last_used_at')
				.where('name', '=', 'Intranet calendar')
				.executeTakeFirstOrThrow()
		);
		expect(used.last_used_at).not.toBeNull();
	});

	test('gets 304 for what it holds, and the answer again when the ETag is another', async () => {
		const first = await api(`/api/v1/events/${eventId}`);
		const etag = first.headers.get('etag')!;
		// Weak: the same JSON may travel compressed or not; compared weakly, as RFC 9110 asks.
		expect(etag).toMatch(/^W\/"[\w-]+"$/);
		const again = await api(`/api/v1/events/${eventId}`, { 'if-none-match': etag });
		expect(again.status).toBe(304);
		expect(again.headers.get('etag')).toBe(etag);
		expect(await again.text()).toBe('');
		const weak = await api(`/api/v1/events/${eventId}`, { 'if-none-match': `"other", ${etag.slice(2)}` });
		expect(weak.status).toBe(304);
		const other = await api(`/api/v1/events/${eventId}`, { 'if-none-match': '"stale"' });
		expect(other.status).toBe(200);
		const list = await api('/api/v1/people?limit=5');
		const listAgain = await api('/api/v1/people?limit=5', { 'if-none-match': list.headers.get('etag')! });
		expect(listAgain.status).toBe(304);
	});

	test('pages through every person once, following next', async () => {
		const seen: number[] = [];
		let next: string | null = '/api/v1/people?limit=7';
		let pages = 0;
		while (next) {
			const response = await api(next);
			expect(response.status).toBe(200);
			const page = (await response.json()) as { items: { id: number }[]; next: string | null };
			expect(page.items.length).toBeLessThanOrEqual(7);
			seen.push(...page.items.map((p) => p.id));
			next = page.next;
			pages += 1;
		}
		expect(pages).toBeGreaterThan(1);
		expect(new Set(seen).size).toBe(seen.length);
		expect(seen.length).toBe(await countRows(server.databaseUrl, 'person'));
	});

	test('filters as the events page does: past events of one kind, the latest first', async () => {
		const response = await api('/api/v1/events?when=past&kind=observance&limit=100');
		const page = (await response.json()) as { items: { kind: string; startAt: string }[] };
		expect(page.items.length).toBeGreaterThan(0);
		expect(page.items.every((e) => e.kind === 'observance')).toBe(true);
		const starts = page.items.map((e) => e.startAt);
		expect(starts).toEqual([...starts].sort().reverse());
	});

	test('is refused with 400 naming the parameter: a bad cursor, a bad limit, an unknown filter', async () => {
		const cursor = await expectProblem(await api('/api/v1/events?cursor=bm90LWEtY3Vyc29y'), 400);
		expect(cursor.invalidParams?.map((p) => p.name)).toEqual(['cursor']);
		const limit = await expectProblem(await api('/api/v1/people?limit=1000'), 400);
		expect(limit.invalidParams?.map((p) => p.name)).toEqual(['limit']);
		const kind = await expectProblem(await api('/api/v1/events?kind=picnic'), 400);
		expect(kind.invalidParams?.map((p) => p.name)).toEqual(['kind']);
		const unknown = await expectProblem(await api('/api/v1/outcomes?colour=red'), 400);
		expect(unknown.invalidParams?.map((p) => p.name)).toEqual(['colour']);
		const twice = await expectProblem(await api('/api/v1/people?limit=2&limit=3'), 400);
		expect(twice.invalidParams?.map((p) => p.name)).toContain('limit');
	});

	test("reads a person's private contact details only with an officer's token, as the person page shows them", async () => {
		const person = await withDatabase(server.databaseUrl, (db) =>
			insertPerson(db, {
				given_name: 'Leyla',
				family_name: 'Private',
				email: 'private@example.org',
				phone: '+994 12 555 01 02',
				contact_public: 0
			})
		);
		const officerToken = await addApiToken(server.databaseUrl, 'officer', 'active', 'Officers’ tool');
		const asOfficer = await fetch(`${server.url}/api/v1/people/${person.id}`, {
			headers: bearer(officerToken)
		});
		expect(((await asOfficer.json()) as { contact: { email: string } }).contact.email).toBe(person.email);
		const asViewer = await api(`/api/v1/people/${person.id}`);
		expect(((await asViewer.json()) as { contact: unknown }).contact).toBeNull();
	});

	test('gets 404 as a problem for a record or an address that is not there', async () => {
		await expectProblem(await api('/api/v1/events/999999'), 404);
		await expectProblem(await api('/api/v1/nothing-here'), 404);
	});

	test('opens no page, and a session opens no API', async () => {
		const page = await fetch(`${server.url}/events`, { headers: bearer(token), redirect: 'manual' });
		expect(page.status).toBe(400);
		const session = await fetch(`${server.url}/api/v1/events`, { headers: { cookie: admin } });
		await expectProblem(session, 401);
		expect(session.headers.get('www-authenticate')).toMatch(/^Bearer/);
		const write = await fetch(`${server.url}/api/v1/events`, { method: 'POST', headers: bearer(token) });
		await expectProblem(write, 405);
	});

	test('is revoked at the admin page, audited, and then refused with 401', async () => {
		const tokenId = await withDatabase(server.databaseUrl, async (db) => {
			const row = await db
				.selectFrom('api_token')
				.select('id')
				.where('name', '=', 'Intranet calendar')
				.executeTakeFirstOrThrow();
			return row.id;
		});
		const response = await postForm(
			server,
			'/admin/api-tokens?/revoke',
			{ tokenId: String(tokenId) },
			{
				cookie: admin
			}
		);
		expect(response.status).toBe(200);
		const refused = await expectProblem(await api(`/api/v1/events/${eventId}`), 401);
		expect(refused.detail).toMatch(/revoked/);
		const audit = await withDatabase(server.databaseUrl, (db) =>
			db
				.selectFrom('audit_entry')
				.select('action')
				.where('entity_type', '=', 'api_token')
				.where('entity_id', '=', tokenId)
				.orderBy('id')
				.execute()
		);
		expect(audit.map((a) => a.action)).toEqual(['issue', 'revoke']);
	});
});

describe('the rate per token', () => {
	let limited: RunningServer;
	let limitedDir: string;

	beforeAll(async () => {
		limitedDir = mkdtempSync(join(tmpdir(), 'protokol-api-rate-'));
		limited = await startServer({
			databaseUrl: join(limitedDir, 'protokol.db'),
			env: { API_RATE_LIMIT: '5' }
		});
	});
	afterAll(async () => {
		await limited?.stop();
		rmSync(limitedDir, { recursive: true, force: true });
	});

	test('past it, a token gets 429 with Retry-After, and another token is not held back', async () => {
		const first = await addApiToken(limited.databaseUrl, 'viewer', 'active', 'Busy integration');
		const second = await addApiToken(limited.databaseUrl, 'viewer', 'active', 'Quiet integration');
		const read = (t: string) => fetch(`${limited.url}/api/v1/projects?limit=1`, { headers: bearer(t) });
		const statuses: number[] = [];
		for (let i = 0; i < 5; i++) statuses.push((await read(first)).status);
		expect(statuses).toEqual([200, 200, 200, 200, 200]);
		const refused = await read(first);
		await expectProblem(refused, 429);
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
		expect((await read(second)).status).toBe(200);
	});
});
