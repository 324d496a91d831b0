/**
 * The built server over HTTP, as a newcomer meets it: first start on an empty SQLite file migrates and
 * loads the demo data; the read views answer; a second start on the same file loads nothing twice.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '$lib/server/db/connection';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { startServer, type RunningServer } from '../helpers/server';

let dir: string;
let databaseUrl: string;
let server: RunningServer;
let cookie: string;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-http-'));
	databaseUrl = join(dir, 'protokol.db');
	server = await startServer({ databaseUrl });
	cookie = await signInOverHttp(server, await addUser(databaseUrl, 'viewer'));
});
afterAll(async () => {
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

const get = (path: string) => fetch(`${server.url}${path}`, { redirect: 'manual', headers: { cookie } });

async function text(path: string) {
	const response = await get(path);
	expect(response.status, path).toBe(200);
	return response.text();
}

/** The id in the first link to /<section>/<id> whose text starts with the label (a pattern). */
function linkTo(html: string, section: string, label: string): string {
	// Links may be root-relative ("/people/1") or page-relative ("./people/1", as resolve() writes them).
	const match = new RegExp(`href="[./]*/?${section}/(\\d+)"[^>]*>(?:<[^>]+>)*\\s*${label}`).exec(html);
	if (!match) throw new Error(`no link to /${section}/… labelled ${label}`);
	return match[1]!;
}

describe('the built server', () => {
	test('answers /healthz (alive) and /readyz (ready for requests)', async () => {
		const alive = await get('/healthz');
		expect(alive.status).toBe(200);
		expect(await alive.json()).toEqual({ status: 'ok' });
		const ready = await get('/readyz');
		expect(ready.status).toBe(200);
		expect(ready.headers.get('cache-control')).toBe('no-store');
		expect(await ready.json()).toMatchObject({
			status: 'ready',
			reasons: [],
			database: { engine: 'sqlite', writable: true },
			migrations: { pending: [] }
		});
	});

	test('sends the home page on to the events', async () => {
		const response = await get('/');
		expect(response.status).toBe(307);
		expect(response.headers.get('location')).toBe('/events');
	});

	test('lists past demo events, newest first', async () => {
		const html = await text('/events?when=past');
		const debrief = html.indexOf('Post-International Migration Review Forum Debrief');
		const imd = html.indexOf('International Migrants Day 2021');
		expect(imd).toBeGreaterThan(0);
		expect(debrief).toBeGreaterThan(0);
		expect(debrief).toBeLessThan(imd);
	});

	test('filters events by kind and ignores values it does not know', async () => {
		const debriefs = await text('/events?when=past&kind=debrief');
		expect(debriefs).toContain('Post-International Migration Review Forum Debrief');
		expect(debriefs).not.toContain('International Migrants Day 2021');
		const unknown = await text('/events?when=past&kind=%3Cscript%3E&status=nonsense&organization=abc');
		expect(unknown).toContain('International Migrants Day 2021');
		expect(unknown).not.toContain('<script>alert');
	});

	test('shows the International Migrants Day event in Baku time with its speakers in order', async () => {
		const list = await text('/events?when=past');
		const html = await text(`/events/${linkTo(list, 'events', 'International Migrants Day 2021')}`);
		expect(html).toContain('Harnessing the potential of human mobility');
		expect(html).toContain('Asia/Baku');
		expect(html).toContain('UTC+4');
		expect(html).toContain('Migration Profile of the Republic of Azerbaijan');
		expect(html).toContain('II rank state migration service counselor');
		const agenda = html.slice(html.indexOf('id="agenda-heading"'), html.indexOf('id="participants-heading"'));
		const order = [
			'Vusal Huseynov',
			'Sabina Aliyeva',
			'Vladimir Gjorgjiev',
			'Vladanka Andreeva',
			'Vitorino',
			'Jonathan Prentice',
			'Yasmina Pinjo'
		].map((name) => agenda.indexOf(name));
		expect(order.every((at) => at > 0)).toBe(true);
		expect(order).toEqual(order.slice().sort((a, b) => a - b));
	});

	test('answers 404 for an event that does not exist or an id that is not one', async () => {
		for (const path of ['/events/999999', '/events/abc', '/events/0', '/events/99999999999999999999']) {
			expect((await get(path)).status, path).toBe(404);
		}
	});

	test('shows people, organisations, outcomes, agreements, projects and the correspondence register', async () => {
		const people = await text('/people');
		const huseynov = await text(`/people/${linkTo(people, 'people', '(?:Mr )?Vusal Huseynov')}`);
		expect(huseynov).toContain('International Migrants Day 2021');

		const organizations = await text('/organizations');
		expect(organizations).toContain('International Organization for Migration');

		const outcomes = await text('/outcomes');
		expect(outcomes).toContain('Progress Declaration of the IMRF 2022 adopted');
		expect(outcomes).not.toContain('Voluntary Return');

		const agreements = await text('/agreements');
		expect(agreements).toContain('Voluntary Return');
		expect(agreements).toContain('In force since 2 March 2017');

		const projects = await text('/projects');
		expect(projects).toContain('Consolidation of Migration and Border Management Capacities in Azerbaijan');
		expect(projects).toContain('Since 2014');

		const register = await text('/correspondence');
		expect(register).toContain('0451/13/21/26');
		expect(register).toContain('09/1502');
	});

	test('keeps a malformed page cursor from failing', async () => {
		expect((await get('/events?when=past&after=%25%25')).status).toBe(200);
		expect((await get('/people?after=bm90LWpzb24')).status).toBe(200);
	});
});

describe('a second start on the same database', () => {
	test('loads nothing twice', async () => {
		const countEvents = async () => {
			const handle = openDatabase(databaseUrl);
			try {
				const row = await handle.db
					.selectFrom('event')
					.select((eb) => eb.fn.countAll<number>().as('n'))
					.executeTakeFirstOrThrow();
				return Number(row.n);
			} finally {
				await handle.close();
			}
		};
		const before = await countEvents();
		expect(before).toBeGreaterThan(0);
		await server.stop();
		server = await startServer({ databaseUrl });
		expect((await get('/healthz')).status).toBe(200);
		expect((await get('/events')).status, 'the session outlives a restart').toBe(200);
		expect(await countEvents()).toBe(before);
	});
});
