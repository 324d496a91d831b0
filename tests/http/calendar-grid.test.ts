/**
 * The week and day grids and the bounded month over HTTP, as a browser without JavaScript gets them:
 * whole pages, every event a link in its day's list, a busy month still a small page with "N more"
 * leading to the day, and an event moved with the plain move form — clash, confirm, moved, audited.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { postForm, withDatabase } from '../helpers/http';
import { insertEvent, insertVenue } from '../helpers/factories';
import { startServer, type RunningServer } from '../helpers/server';

/** A busy month: 3 000 events in May 2031, about a hundred a day, as the generated million has. */
const BUSY_EVENTS = 3000;

describe('the hourly grids and the bounded month over HTTP', () => {
	let dir: string;
	let databaseUrl: string;
	let server: RunningServer;
	let officerCookie: string;
	let viewerCookie: string;
	const ids = { briefing: 0, press: 0 };

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'protokol-calendar-grid-'));
		databaseUrl = join(dir, 'protokol.db');
		server = await startServer({ databaseUrl, env: { OFFICE_TIME_ZONE: 'Asia/Baku' } });
		officerCookie = await signInOverHttp(server, await addUser(databaseUrl, 'officer'));
		viewerCookie = await signInOverHttp(server, await addUser(databaseUrl, 'viewer'));
		await withDatabase(databaseUrl, async (db) => {
			const venue = await insertVenue(db, { name: 'Protocol hall' });
			ids.press = (
				await insertEvent(db, {
					title: 'Press conference',
					kind: 'other',
					venue_id: venue.id,
					start_at: '2030-03-12T10:00:00.000Z',
					end_at: '2030-03-12T11:00:00.000Z'
				})
			).id;
			ids.briefing = (
				await insertEvent(db, {
					title: 'Morning briefing',
					kind: 'debrief',
					venue_id: venue.id,
					start_at: '2030-03-12T05:00:00.000Z',
					end_at: '2030-03-12T06:00:00.000Z'
				})
			).id;
			const now = new Date().toISOString();
			const rows = Array.from({ length: BUSY_EVENTS }, (_, i) => {
				const start = Date.UTC(2031, 4, 1) + Math.floor((i * 31 * 86_400_000) / BUSY_EVENTS);
				return {
					kind: 'bilateral_meeting' as const,
					title: `Busy meeting ${i}`,
					start_at: new Date(start).toISOString(),
					end_at: new Date(start + 3_600_000).toISOString(),
					time_zone: 'Asia/Baku',
					ical_uid: `busy-${i}@protokol.test`,
					created_at: now,
					updated_at: now
				};
			});
			for (let i = 0; i < rows.length; i += 500) {
				await db
					.insertInto('event')
					.values(rows.slice(i, i + 500))
					.execute();
			}
		});
	});
	afterAll(async () => {
		await server?.stop();
		rmSync(dir, { recursive: true, force: true });
	});

	async function get(path: string, cookie = officerCookie) {
		const response = await fetch(`${server.url}${path}`, {
			headers: { cookie, accept: 'text/html' },
			redirect: 'manual'
		});
		return { response, html: await response.text() };
	}

	const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;

	test('a busy month is a small page: four events a day, the rest counted and linked to the day', async () => {
		const { response, html } = await get('/calendar?year=2031&month=5&zone=UTC');
		expect(response.status).toBe(200);
		expect(Buffer.byteLength(html)).toBeLessThan(200 * 1024);
		// 35 days shown (from Monday 28 April), 4 events each; about 97 events a day in May.
		const days = html.split('<td').slice(1);
		expect(days).toHaveLength(35);
		for (const day of days) expect(count(day, /<li class="entry/g)).toBeLessThanOrEqual(4);
		const may14 = days.find((day) => day.includes('datetime="2031-05-14"'))!;
		expect(count(may14, /<li class="entry/g)).toBe(4);
		const more = /<a class="more small[^"]*" href="([^"]+)">(\d+) more/.exec(may14)!;
		expect(more[1]!.replaceAll('&amp;', '&')).toBe('?zone=UTC&view=day&date=2031-05-14');
		expect(Number(more[2])).toBeGreaterThan(90);
	});

	test('a busy week shows at most twelve events a day on its grid, each day linking to the rest', async () => {
		const { response, html } = await get('/calendar?view=week&date=2031-05-14&zone=UTC');
		expect(response.status).toBe(200);
		expect(Buffer.byteLength(html)).toBeLessThan(200 * 1024);
		const lists = html.split('<ol class="timed').slice(1);
		expect(lists).toHaveLength(7);
		for (const list of lists) expect(count(list.split('</ol>')[0]!, /<li class="event/g)).toBe(12);
		expect(html).toMatch(/>\d+ more<span class="visually-hidden">\s*on Wednesday 14 May 2031/);
	});

	test('the day view: an hourly grid with each event a link, placed at its hour in the chosen zone', async () => {
		const { html } = await get('/calendar?view=day&date=2030-03-12&zone=Europe%2FZurich');
		expect(html).toContain('Tuesday 12 March 2030');
		// 10:00 UTC is 11:00 in Zurich in March: the 45th quarter-hour row, one hour long.
		const press = new RegExp(
			`<li class="event kind-other row-45 rows-4 col-1 cols-60[^"]*"[^>]*data-event="${ids.press}"`
		);
		expect(html).toMatch(press);
		expect(html).toContain(`href="/events/${ids.press}"`);
		expect(html).toMatch(/<ul class="legend small[^"]*" aria-label="Kinds of event">/);
	});

	test('the list layout is the plain fallback, with a move link for each event an officer may move', async () => {
		const { html } = await get('/calendar?view=week&date=2030-03-12&zone=UTC&layout=list');
		expect(html).not.toContain('<ol class="timed');
		expect(html).toContain('Morning briefing');
		expect(html).toMatch(
			new RegExp(
				`href="\\?view=week&amp;date=2030-03-12&amp;zone=UTC&amp;layout=list&amp;move=${ids.briefing}"`
			)
		);
		const viewer = await get('/calendar?view=week&date=2030-03-12&zone=UTC&layout=list', viewerCookie);
		expect(viewer.html).not.toContain('move=');
		expect(viewer.html).not.toContain('data-move-form');
	});

	test('moving without JavaScript: the clash is shown, Move anyway moves it, the history has it', async () => {
		const page = '/calendar?view=week&date=2030-03-12&zone=UTC';
		const opened = await get(`${page}&move=${ids.briefing}`);
		expect(opened.html).toMatch(
			/<form method="post" action="\?view=week&amp;date=2030-03-12&amp;zone=UTC&amp;\/move"/
		);
		expect(opened.html).toMatch(/name="date"[^>]*value="2030-03-12"|value="2030-03-12"[^>]*name="date"/);
		expect(opened.html).toMatch(/name="time"[^>]*value="05:00"|value="05:00"[^>]*name="time"/);

		const fields = {
			event: String(ids.briefing),
			version: '1',
			date: '2030-03-12',
			time: '10:30',
			zone: 'UTC'
		};
		const held = await postForm(server, `${page}&/move`, fields, { cookie: officerCookie });
		expect(held.status).toBe(409);
		const warning = await held.text();
		expect(warning).toContain('Not saved yet: this clashes with another event');
		expect(warning).toContain('Press conference');
		expect(warning).toContain('At the same venue.');
		expect(warning).toContain('Move anyway');
		const unmoved = await withDatabase(databaseUrl, (db) =>
			db.selectFrom('event').select('start_at').where('id', '=', ids.briefing).executeTakeFirstOrThrow()
		);
		expect(Date.parse(unmoved.start_at)).toBe(Date.parse('2030-03-12T05:00:00.000Z'));

		const moved = await postForm(
			server,
			`${page}&/move`,
			{ ...fields, overrideClashes: '1' },
			{ cookie: officerCookie }
		);
		expect(moved.status).toBe(303);
		expect(moved.headers.get('location')).toBe(
			`/calendar?view=week&date=2030-03-12&zone=UTC&moved=${ids.briefing}`
		);
		const after = await withDatabase(databaseUrl, async (db) => ({
			event: await db
				.selectFrom('event')
				.select(['start_at', 'end_at'])
				.where('id', '=', ids.briefing)
				.executeTakeFirstOrThrow(),
			audit: await db
				.selectFrom('audit_entry')
				.select(['action', 'after_json'])
				.where('event_id', '=', ids.briefing)
				.execute()
		}));
		expect([Date.parse(after.event.start_at), Date.parse(after.event.end_at)]).toEqual([
			Date.parse('2030-03-12T10:30:00.000Z'),
			Date.parse('2030-03-12T11:30:00.000Z')
		]);
		expect(after.audit.map((a) => a.action)).toEqual(['event.update']);
		expect(JSON.parse(after.audit[0]!.after_json!).clash_overridden).toEqual([ids.press]);
		const shown = await get(moved.headers.get('location')!);
		expect(shown.html).toMatch(/Moved: Morning briefing, now 10:30–11:30/);
	});

	test('a move with a time that is not one is refused beside its field; a viewer may not move', async () => {
		const page = '/calendar?view=day&date=2030-03-12&zone=UTC';
		const fields = { event: String(ids.press), version: '1', date: '2030-03-12', time: '25:00', zone: 'UTC' };
		const bad = await postForm(server, `${page}&/move`, fields, { cookie: officerCookie });
		expect(bad.status).toBe(400);
		expect(await bad.text()).toContain('Enter the new start as hours and minutes, such as 14:30.');
		const viewer = await postForm(
			server,
			`${page}&/move`,
			{ ...fields, time: '15:00' },
			{ cookie: viewerCookie }
		);
		expect(viewer.status).toBe(403);
	});
});
