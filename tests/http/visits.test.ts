/**
 * The programme of a visit over HTTP on the built server with the demo data: bad input — a last day
 * before the first, a place that is not a zone, an item ending before it starts, someone outside the
 * delegation, an event that is not there — answered 400 with the message beside its field and nothing
 * written; a viewer reads the programme and may not change it; the head of delegation's personal link
 * shows his itinerary but neither the officers' notes nor what he needs as a guest; and his feed carries
 * the logistics of a visit to come with their VTIMEZONE, its ETag moving when an item is moved.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { countRows, postForm, withDatabase } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';
import { itemForm, visitForm as visitFormOf } from '../helpers/visit-forms';

const SECURITY_NOTE = 'Close protection officer with him at all times';
const DEMO_VISIT_NOTE = 'the day and the times of the programme are assumed';

let dir: string;
let databaseUrl: string;
let server: RunningServer;
let officer: string;
let viewer: string;
let swing: number;
let stranger: number;
/** The head of delegation's personal link. */
let token: string;

const get = async (path: string, cookie?: string, headers: Record<string, string> = {}) => {
	const response = await fetch(`${server.url}${path}`, {
		headers: { ...(cookie ? { cookie } : {}), ...headers },
		redirect: 'manual'
	});
	return { status: response.status, text: await response.text(), headers: response.headers };
};

// The head of delegation among the visit's members unless a test says otherwise.
const visitForm = (values: Record<string, string>) => visitFormOf({ memberIds: String(swing), ...values });

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-visits-http-'));
	databaseUrl = join(dir, 'protokol.db');
	server = await startServer({ databaseUrl });
	officer = await signInOverHttp(server, await addUser(databaseUrl, 'officer'));
	viewer = await signInOverHttp(server, await addUser(databaseUrl, 'viewer'));
	await withDatabase(databaseUrl, async (db) => {
		swing = (
			await db
				.selectFrom('visit_member')
				.select('person_id')
				.where('visit_id', '=', 1)
				.executeTakeFirstOrThrow()
		).person_id;
		stranger = (
			await db
				.selectFrom('person')
				.select('id')
				.where('id', '!=', swing)
				.orderBy('id')
				.executeTakeFirstOrThrow()
		).id;
	});
});
afterAll(async () => {
	await server?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

test('bad input is answered 400 with its message beside the field, and nothing is written', async () => {
	const visits = await countRows(databaseUrl, 'visit');
	const items = await countRows(databaseUrl, 'visit_item');
	const refusals: [string, Record<string, string>, string][] = [
		['/visits/new?/save', visitForm({ endsOn: '2017-01-31' }), 'The last day cannot be before the first.'],
		['/visits/new?/save', visitForm({ timeZone: 'Geneva' }), 'Choose a time zone from the list'],
		[
			'/visits/1/items/new?/save',
			itemForm({ end: '2017-01-16T18:00' }),
			'The end cannot come before the start.'
		],
		[
			'/visits/1/items/new?/save',
			itemForm({ timeZone: 'Europe/Geneva' }),
			'Choose a time zone from the list'
		],
		[
			'/visits/1/items/new?/save',
			itemForm({ forEveryone: '', personIds: String(stranger) }),
			'Choose people of the visiting delegation only.'
		],
		['/visits/1/items/new?/save', itemForm({ kind: 'meeting', eventId: '999999' }), 'There is no such event'],
		[
			'/visits/1/items/1?/save',
			itemForm({ kind: 'arrival', version: '1', end: '2017-01-16T18:00' }),
			'The end cannot'
		]
	];
	for (const [path, fields, message] of refusals) {
		const response = await postForm(server, path, fields, { cookie: officer });
		expect(response.status, `${path} ${message}`).toBe(400);
		expect(await response.text()).toContain(message);
	}
	expect(await countRows(databaseUrl, 'visit')).toBe(visits);
	expect(await countRows(databaseUrl, 'visit_item')).toBe(items);
});

test('an officer adds a dinner for the head of delegation; a viewer reads it and may not change it', async () => {
	const saved = await postForm(
		server,
		'/visits/1/items/new?/save',
		itemForm({ forEveryone: '', personIds: String(swing) }),
		{ cookie: officer }
	);
	expect(saved.status).toBe(303);
	expect(saved.headers.get('location')).toMatch(/^\/visits\/1#item-\d+$/);
	const page = await get('/visits/1', viewer);
	expect(page.status).toBe(200);
	expect(page.text).toContain('Official dinner');
	expect(page.text).toContain('Gulustan Palace');
	expect(page.text).not.toContain('Edit visit');
	const refused = await postForm(server, '/visits/1/items/new?/save', itemForm({}), { cookie: viewer });
	expect(refused.status).toBe(403);
	const itinerary = await get(`/visits/1/itinerary/${swing}`, viewer);
	expect(itinerary.text).toContain('Official dinner');
});

test("the head of delegation's personal link shows his itinerary, without officers' notes or his needs as a guest", async () => {
	await withDatabase(databaseUrl, async (db) => {
		const participation = await db
			.selectFrom('event_participant')
			.select('id')
			.where('person_id', '=', swing)
			.orderBy('id')
			.executeTakeFirstOrThrow();
		await db
			.insertInto('participant_needs')
			.values({
				participant_id: participation.id,
				security_note: SECURITY_NOTE,
				updated_at: new Date().toISOString()
			})
			.execute();
	});
	const issued = await postForm(
		server,
		`/people/${swing}?/issueLink`,
		{ validDays: '90' },
		{ cookie: officer }
	);
	token = /\/p\/([\w.-]+)/.exec(await issued.text())![1]!;
	const link = await get(`/p/${token}`);
	expect(link.status).toBe(200);
	expect(link.text).toContain('Your itinerary: Official visit of the Director General of IOM');
	expect(link.text).toContain('Arrival of the Director General of IOM');
	expect(link.text).toContain('Official dinner');
	expect(link.text).not.toContain(DEMO_VISIT_NOTE);
	expect(link.text).not.toContain(SECURITY_NOTE);
	// The meetings are shown by name, never as links into the office's pages.
	expect(link.text).not.toMatch(/href="\/events\//);
});

test("his feed carries a coming visit's logistics with their zone, and its ETag moves when one is moved", async () => {
	const day = (plus: number) => new Date(Date.now() + plus * 86_400_000).toISOString().slice(0, 10);
	const planned = await postForm(
		server,
		'/visits/new?/save',
		visitForm({ startsOn: day(10), endsOn: day(11), timeZone: 'Europe/Zurich' }),
		{ cookie: officer }
	);
	expect(planned.status).toBe(303);
	const visit = planned.headers.get('location')!;
	const added = await postForm(
		server,
		`${visit}/items/new?/save`,
		itemForm({
			kind: 'arrival',
			title: 'Arrival in Geneva',
			start: `${day(10)}T09:00`,
			end: `${day(10)}T09:30`,
			timeZone: 'Europe/Zurich',
			place: 'Geneva Airport',
			flight: 'LX 2127'
		}),
		{ cookie: officer }
	);
	expect(added.status).toBe(303);
	const itemPath = `${visit}/items/${/#item-(\d+)$/.exec(added.headers.get('location')!)![1]}`;

	const created = await postForm(
		server,
		`/people/${swing}?/createFeed`,
		{ feedName: '' },
		{ cookie: officer }
	);
	const feed = new URL(/https?:\/\/[^"<\s]+\/feeds\/[\w.-]+\.ics/.exec(await created.text())![0]).pathname;
	const first = await get(feed);
	expect(first.status).toBe(200);
	expect(first.text).toContain('SUMMARY:Arrival in Geneva (Working visit of the Director General of IOM)');
	expect(first.text).toContain(`DTSTART;TZID=Europe/Zurich:${day(10).replaceAll('-', '')}T090000`);
	expect(first.text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Zurich');
	const etag = first.headers.get('etag')!;
	expect((await get(feed, undefined, { 'if-none-match': etag })).status).toBe(304);

	const form = await get(itemPath, officer);
	const version = /name="version" value="(\d+)"/.exec(form.text)![1]!;
	await new Promise((resolve) => setTimeout(resolve, 50));
	const moved = await postForm(
		server,
		`${itemPath}?/save`,
		itemForm({
			kind: 'arrival',
			title: 'Arrival in Geneva',
			start: `${day(10)}T11:00`,
			end: `${day(10)}T11:30`,
			timeZone: 'Europe/Zurich',
			version
		}),
		{ cookie: officer }
	);
	expect(moved.status).toBe(303);
	const second = await get(feed, undefined, { 'if-none-match': etag });
	expect(second.status).toBe(200);
	expect(second.headers.get('etag')).not.toBe(etag);
	expect(second.text).toContain(`DTSTART;TZID=Europe/Zurich:${day(10).replaceAll('-', '')}T110000`);
	// The file on his personal link holds it too.
	const file = await get(`/p/${token}/calendar.ics`);
	expect(file.text).toContain('SUMMARY:Arrival in Geneva (Working visit of the Director General of IOM)');
	expect(file.text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Zurich');
});

test('the programme is reordered and trimmed with plain forms, and an item of another visit is not found', async () => {
	const order = async () =>
		withDatabase(databaseUrl, (db) =>
			db
				.selectFrom('visit_item')
				.select('id')
				.where('visit_id', '=', 1)
				.orderBy('position')
				.execute()
				.then((rows) => rows.map((row) => row.id))
		);
	const before = await order();
	const moved = await postForm(
		server,
		'/visits/1?/move',
		{ itemId: String(before[2]), direction: 'up' },
		{ cookie: officer }
	);
	expect(moved.status).toBe(303);
	expect(moved.headers.get('location')).toBe('/visits/1#programme');
	expect(await order()).toEqual([before[0], before[2], before[1], ...before.slice(3)]);
	const removed = await postForm(
		server,
		'/visits/1?/remove',
		{ itemId: String(before[2]) },
		{ cookie: officer }
	);
	expect(removed.status).toBe(303);
	expect(await order()).toEqual([before[0], before[1], ...before.slice(3)]);
	const elsewhere = await postForm(server, '/visits/1?/remove', { itemId: '999999' }, { cookie: officer });
	expect(elsewhere.status).toBe(404);
	expect(await elsewhere.text()).toContain('This visit has no such item.');
});
