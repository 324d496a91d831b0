/**
 * Issue 6 end to end against the built server and a real SMTP server on loopback: an officer makes this
 * year's International Migrants Day from the demo one, invites its speakers (each receives a valid
 * invitation), moves it (each receives an update: same UID, higher SEQUENCE), and subscribes a speaker
 * to their own feed: 200 with an ETag, 304 while nothing changes, 404 once revoked. The .ics download
 * carries the event at its TZID with the VTIMEZONE.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { findDuplicateForm, findEventForm } from '$lib/server/events/event-read.service';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { postForm, withDatabase } from '../helpers/http';
import { ageFeedChanges } from '../helpers/feed-changes';
import { attendeesOf, clockIn, parseCalendar } from '../helpers/ical';
import { startServer, type RunningServer } from '../helpers/server';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp';

let dir: string;
let databaseUrl: string;
let smtp: TestSmtpServer;
let server: RunningServer;
let officer: string;
let imd2026 = 0;
let speakerIds: number[] = [];

const post = (path: string, fields: Record<string, string> | URLSearchParams) =>
	postForm(server, path, fields, { cookie: officer });

const get = (path: string, headers: Record<string, string> = {}) =>
	fetch(path.startsWith('http') ? path : `${server.url}${path}`, {
		headers: { cookie: officer, ...headers }
	});

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-invitations-http-'));
	databaseUrl = join(dir, 'protokol.db');
	smtp = await startSmtpServer();
	server = await startServer({
		databaseUrl,
		env: {
			SMTP_URL: smtp.url,
			OUTBOX_INTERVAL_MS: '200',
			ORGANIZER_NAME: 'State Migration Service, Protocol Department',
			ORGANIZER_EMAIL: 'protocol@migration.example'
		}
	});
	officer = await signInOverHttp(server, await addUser(databaseUrl, 'officer'));
});
afterAll(async () => {
	await server?.stop();
	await smtp?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

test("the officer makes this year's International Migrants Day from the demo one", async () => {
	const imd2021 = await withDatabase(databaseUrl, async (db) => {
		const row = await db
			.selectFrom('event')
			.select('id')
			.where('title', '=', 'International Migrants Day 2021')
			.executeTakeFirstOrThrow();
		return { id: row.id, form: (await findDuplicateForm(db, row.id))! };
	});
	// Friday 18 December 2026, 15:00–17:00 in Baku.
	const response = await post(`/events/${imd2021.id}/duplicate?/save`, {
		...imd2021.form.values,
		title: 'International Migrants Day 2026',
		start: '2026-12-18T15:00',
		end: '2026-12-18T17:00'
	} as unknown as Record<string, string>);
	expect(response.status).toBe(303);
	imd2026 = Number(/\/events\/(\d+)$/.exec(response.headers.get('location') ?? '')?.[1]);
	expect(imd2026).toBeGreaterThan(0);
	// The directory has no addresses for the demo people: the office enters them.
	speakerIds = await withDatabase(databaseUrl, async (db) => {
		const speakers = await db
			.selectFrom('event_participant')
			.innerJoin('person', 'person.id', 'event_participant.person_id')
			.select(['person.id', 'person.family_name'])
			.where('event_participant.event_id', '=', imd2026)
			.execute();
		for (const s of speakers) {
			const address = `${s.family_name
				.normalize('NFKD')
				.replace(/[^A-Za-z]/g, '')
				.toLowerCase()}@speakers.example`;
			await db.updateTable('person').set({ email: address }).where('id', '=', s.id).execute();
		}
		return speakers.map((s) => s.id);
	});
	expect(speakerIds.length).toBeGreaterThanOrEqual(5);
});

test('inviting the speakers delivers a valid invitation to each', async () => {
	const response = await post(`/events/${imd2026}/invitations?/send`, { to: 'new' });
	expect(response.status).toBe(200);
	expect((await response.text()).replace(/\s+/g, ' ')).toContain(`${speakerIds.length} invitations queued.`);
	const mails = await smtp.waitFor(speakerIds.length);
	const uids = new Set<string>();
	for (const mail of mails) {
		expect(mail.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
		expect(mail.parsed.attachments.some((a) => a.filename === 'invite.ics')).toBe(true);
		const { calendar, events } = parseCalendar(mail.calendar);
		expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
		const [event] = events;
		expect(event!.summary).toBe('International Migrants Day 2026');
		expect(event!.sequence).toBe(0);
		expect(clockIn(event!.startDate, 'Asia/Baku')).toBe('15:00');
		expect(clockIn(event!.startDate, 'Europe/Zurich')).toBe('12:00');
		expect(event!.component.getFirstProperty('organizer')!.getFirstValue()).toBe(
			'mailto:protocol@migration.example'
		);
		expect(attendeesOf(event!).get(mail.to)).toMatchObject({ rsvp: 'TRUE', partstat: 'NEEDS-ACTION' });
		uids.add(event!.uid);
	}
	expect(uids.size).toBe(1);
	expect(new Set(mails.map((m) => m.to)).size).toBe(speakerIds.length);
});

test('moving the event sends each an update with the same UID and a higher SEQUENCE', async () => {
	const first = parseCalendar(smtp.received[0]!.calendar).events[0]!;
	const form = (await withDatabase(databaseUrl, (db) => findEventForm(db, imd2026)))!;
	const response = await post(`/events/${imd2026}/edit?/save`, {
		...form.values,
		start: '2026-12-18T16:00',
		end: '2026-12-18T18:00'
	} as unknown as Record<string, string>);
	expect(response.status).toBe(303);
	const all = await smtp.waitFor(speakerIds.length * 2);
	const updates = all.slice(speakerIds.length);
	for (const mail of updates) {
		expect(mail.parsed.subject).toMatch(/^Updated: International Migrants Day 2026/);
		const event = parseCalendar(mail.calendar).events[0]!;
		expect(event.uid).toBe(first.uid);
		expect(event.sequence).toBe(1);
		expect(clockIn(event.startDate, 'Asia/Baku')).toBe('16:00');
	}
	const page = await (await get(`/events/${imd2026}/invitations`)).text();
	expect(page).toContain('Update');
	expect(page).toContain('Sent');
});

test('a speaker subscribes to their own feed: 200 with an ETag, 304 while unchanged, 404 once revoked', async () => {
	const speakerId = speakerIds[0]!;
	const created = await post(`/people/${speakerId}?/createFeed`, { feedName: '' });
	expect(created.status).toBe(200);
	const html = await created.text();
	const webcal = /value="(webcal:\/\/[^"]+)"/.exec(html)?.[1];
	const https = /value="(http:\/\/[^"]+\/feeds\/[^"]+\.ics)"/.exec(html)?.[1];
	expect(webcal).toBeTruthy();
	expect(webcal!.replace(/^webcal:/, 'http:')).toBe(https);

	// The feed needs no session: its token is the credential. Polled a while after the last change.
	await withDatabase(databaseUrl, (db) => ageFeedChanges(db));
	const feed = await fetch(https!);
	expect(feed.status).toBe(200);
	expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
	const etag = feed.headers.get('etag')!;
	// Weak when it comes compressed (fetch asks for that): another encoding of the same calendar.
	expect(etag).toMatch(/^(W\/)?"[\w-]+"$/);
	const { calendar, events } = parseCalendar(await feed.text());
	expect(events.map((e) => e.summary)).toContain('International Migrants Day 2026');
	expect(calendar.getFirstPropertyValue('x-wr-calname')).toMatch(/^Protokol: /);
	expect(calendar.getFirstPropertyValue('refresh-interval')).toBeTruthy();

	const again = await fetch(https!, { headers: { 'if-none-match': etag } });
	expect(again.status).toBe(304);
	expect(await again.text()).toBe('');
	const since = await fetch(https!, { headers: { 'if-modified-since': feed.headers.get('last-modified')! } });
	expect(since.status).toBe(304);

	const feedId = /\/feeds\/([a-z2-7]{32})\./.exec(https!)![1]!;
	expect((await post(`/people/${speakerId}?/revokeFeed`, { feedId })).status).toBe(200);
	expect((await fetch(https!)).status).toBe(404);
});

test('the .ics download names the event at its TZID, with the VTIMEZONE and each agenda item if asked', async () => {
	const plain = await get(`/events/${imd2026}/calendar.ics`);
	expect(plain.status).toBe(200);
	expect(plain.headers.get('content-disposition')).toBe(
		'attachment; filename="International-Migrants-Day-2026.ics"'
	);
	const { calendar, events, zones } = parseCalendar(await plain.text());
	expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
	expect(zones).toEqual(['Asia/Baku']);
	expect(events).toHaveLength(1);
	expect(events[0]!.startDate.zone?.tzid).toBe('Asia/Baku');
	expect(events[0]!.component.getAllProperties('attendee')).toHaveLength(0);

	const withAgenda = parseCalendar(await (await get(`/events/${imd2026}/calendar.ics?agenda=1`)).text());
	expect(withAgenda.events.length).toBeGreaterThan(1);
	expect(new Set(withAgenda.events.map((e) => e.uid)).size).toBe(withAgenda.events.length);
});

test("a speaker's personal link downloads their own programme; a public event downloads without a session", async () => {
	const speakerId = speakerIds[1]!;
	const issued = await post(`/people/${speakerId}?/issueLink`, { validDays: '30' });
	const link = /value="(http:\/\/[^"]+\/p\/[^"]+)"/.exec(await issued.text())?.[1];
	expect(link).toBeTruthy();
	const mine = await fetch(`${link}/calendar.ics`);
	expect(mine.status).toBe(200);
	expect(mine.headers.get('cache-control')).toBe('private, no-store');
	expect(mine.headers.get('referrer-policy')).toBe('same-origin');
	expect(parseCalendar(await mine.text()).events.map((e) => e.summary)).toContain(
		'International Migrants Day 2026'
	);
	expect((await fetch(`${server.url}/p/${'a'.repeat(32)}.${'b'.repeat(32)}/calendar.ics`)).status).toBe(404);

	const { shown, hidden } = await withDatabase(databaseUrl, async (db) => {
		const imd2021 = await db
			.selectFrom('event')
			.select('id')
			.where('title', '=', 'International Migrants Day 2021')
			.executeTakeFirstOrThrow();
		await db.updateTable('event').set({ is_public: 0 }).where('id', '=', imd2026).execute();
		return { shown: imd2021.id, hidden: imd2026 };
	});
	const open = await fetch(`${server.url}/public/events/${shown}/calendar.ics?agenda=1`);
	expect(open.status).toBe(200);
	const { events } = parseCalendar(await open.text());
	expect(events[0]!.summary).toBe('International Migrants Day 2021');
	expect(events.every((e) => e.component.getAllProperties('attendee').length === 0)).toBe(true);
	expect((await fetch(`${server.url}/public/events/${hidden}/calendar.ics`)).status).toBe(404);
});
