/**
 * Issue 17's walk, as a new user would try it, against one built server: an Outlook invitation with a
 * Windows zone name is imported and lands at the right hour; a two-day council session is one bar over
 * its two days in the week's all-day row, seen from Geneva (Europe/Zurich); a subscriber that keeps only
 * Last-Modified drops the session once it is deleted. (Declining by the REPLY Outlook sends, read from
 * the office's mailbox on Dovecot, and a new time proposed are walked in tests/http/inbox-replies.test.ts.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { ageFeedChanges } from '../helpers/feed-changes';
import { postForm, withDatabase } from '../helpers/http';
import { parseCalendar } from '../helpers/ical';
import { outlookInvitation } from '../helpers/partner-invitations';
import { startServer, type RunningServer } from '../helpers/server';

const OFFICE = 'protocol@migration.example';

let dir: string;
let databaseUrl: string;
let server: RunningServer;
let officer: string;
let councilId = 0;
let feedUrl = '';
let lastModified: string | null = null;

const page = async (path: string) =>
	(await (await fetch(`${server.url}${path}`, { headers: { cookie: officer } })).text()).replace(/\s+/g, ' ');

/** What a calendar client that remembers only the date of its last answer sees. */
async function poll(): Promise<{ status: number; titles: string[] }> {
	const response = await fetch(feedUrl, {
		headers: lastModified ? { 'if-modified-since': lastModified } : {}
	});
	const text = await response.text();
	if (response.status !== 200) return { status: response.status, titles: [] };
	lastModified = response.headers.get('last-modified');
	return { status: 200, titles: parseCalendar(text).events.map((event) => event.summary) };
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-both-ways-'));
	databaseUrl = join(dir, 'protokol.db');
	server = await startServer({ databaseUrl, env: { ORGANIZER_EMAIL: OFFICE } });
	officer = await signInOverHttp(server, await addUser(databaseUrl, 'officer'));
}, 60_000);
afterAll(async () => {
	await server?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

test('an Outlook invitation naming "Azerbaijan Standard Time" is imported at 10:00 in Baku', async () => {
	const source = outlookInvitation({ uid: 'journey-outlook-1' });
	const created = await postForm(server, '/inbox/import?/import', { source }, { cookie: officer });
	expect(created.status).toBe(303);
	const eventPage = await page(created.headers.get('location')!);
	expect(eventPage).toContain('Consultations on labour migration');
	expect(eventPage).toMatch(/12 October 2027[^<]*10:00/);
	const stored = await withDatabase(databaseUrl, (db) =>
		db
			.selectFrom('event')
			.select(['start_at', 'time_zone'])
			.where('import_uid', '=', 'journey-outlook-1')
			.executeTakeFirstOrThrow()
	);
	expect(stored.time_zone).toBe('Asia/Baku');
	expect(new Date(stored.start_at).toISOString()).toBe('2027-10-12T06:00:00.000Z');
});

test('a two-day council session is one bar over both its days in the week seen from Geneva (Europe/Zurich)', async () => {
	const saved = await postForm(
		server,
		'/events/new?/save',
		{
			kind: 'council_session',
			title: 'Council of Heads of Migration Bodies',
			theme: '',
			description: '',
			allDay: 'on',
			firstDay: '2027-10-13',
			lastDay: '2027-10-14',
			start: '',
			end: '',
			timeZone: 'Asia/Baku',
			timing: 'exact',
			venueId: '',
			onlineUrl: 'https://meet.example.org/council',
			status: 'planned',
			statusReason: '',
			seriesId: '',
			newSeriesName: '',
			version: ''
		},
		{ cookie: officer }
	);
	expect(saved.status).toBe(303);
	councilId = Number(saved.headers.get('location')!.split('/').pop());
	const week = await page('/calendar?view=week&date=2027-10-13&zone=Europe/Zurich');
	// Monday 11 October is day 1: the session takes Wednesday and Thursday, days 3 and 4.
	expect(week).toMatch(
		/class="event all-day-event kind-council_session from-day-3 days-2[^"]*"><a href="\/events\/\d+"[^>]*>.*?Council of Heads of Migration Bodies/
	);
	// The imported meeting sits on Tuesday's hours at 08:00 in Geneva (Europe/Zurich; 10:00 in Baku), not in the all-day row.
	const allDayRow = /<ul class="all-day[^"]*">(.*?)<\/ul>/.exec(week)?.[1] ?? '';
	expect(allDayRow).toContain('Council of Heads of Migration Bodies');
	expect(allDayRow).not.toContain('Consultations on labour migration');
	expect(week).toMatch(
		/<span class="when[^"]*">08:00–09:30<\/span>[^]{0,40}<span class="title[^"]*">Consultations on labour migration</
	);
});

test('a subscriber that checks only Last-Modified drops the session once it is deleted', async () => {
	const created = await postForm(
		server,
		'/calendar?/createFeed',
		{ feedName: 'Office calendar' },
		{ cookie: officer }
	);
	expect(created.status).toBe(200);
	feedUrl = /value="(http:\/\/[^"]+\/feeds\/[^"]+\.ics)"/.exec(await created.text())![1]!;
	const first = await poll();
	expect(first.status).toBe(200);
	expect(first.titles).toContain('Council of Heads of Migration Bodies');
	// Some seconds later, nothing changed: 304.
	await withDatabase(databaseUrl, (db) => ageFeedChanges(db));
	expect((await poll()).status).toBe(304);

	const version = await withDatabase(databaseUrl, (db) =>
		db.selectFrom('event').select('version').where('id', '=', councilId).executeTakeFirstOrThrow()
	);
	const deleted = await postForm(
		server,
		`/events/${councilId}/delete?/delete`,
		{ confirm: 'on', version: String(version.version) },
		{ cookie: officer }
	);
	expect(deleted.status).toBe(303);
	const after = await poll();
	expect(after.status).toBe(200);
	expect(after.titles).not.toContain('Council of Heads of Migration Bodies');
});
