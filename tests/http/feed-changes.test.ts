/**
 * Feeds stay right when things leave them, against the built server: an officer subscribes a person,
 * an organisation and a series (the forms on their pages), and anyone the office's public events; each
 * holds its own events. A subscriber that sends only If-Modified-Since gets 304 while nothing changed,
 * and the calendar without the event once it is deleted or moved out of the window. A revoked feed is
 * refused.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { insertEvent, insertOrganization, insertParticipation, insertPerson } from '../helpers/factories';
import { ageFeedChanges } from '../helpers/feed-changes';
import { postForm, withDatabase } from '../helpers/http';
import { parseCalendar } from '../helpers/ical';
import { startServer, type RunningServer } from '../helpers/server';

const DAY = 24 * 60 * 60 * 1000;
let dir: string;
let databaseUrl: string;
let server: RunningServer;
let officer: string;
let ids: { person: number; organization: number; series: number; visit: number; council: number };
/** Each feed's https address. */
const feeds: Record<'person' | 'organization' | 'series' | 'public', string> = {
	person: '',
	organization: '',
	series: '',
	public: ''
};

/** A calendar client that keeps only the Last-Modified of its previous answer. */
class DateOnlyClient {
	private lastModified: string | null = null;
	constructor(private readonly url: string) {}

	async poll(): Promise<{ status: number; titles: string[] }> {
		const response = await fetch(this.url, {
			headers: this.lastModified ? { 'if-modified-since': this.lastModified } : {}
		});
		const text = await response.text();
		if (response.status === 200) this.lastModified = response.headers.get('last-modified');
		return {
			status: response.status,
			titles: response.status === 200 ? parseCalendar(text).events.map((e) => e.summary) : []
		};
	}
}

async function createFeed(path: string, fields: Record<string, string> = {}): Promise<string> {
	const response = await postForm(
		server,
		`${path}?/createFeed`,
		{ feedName: '', ...fields },
		{ cookie: officer }
	);
	expect(response.status).toBe(200);
	const https = /value="(http:\/\/[^"]+\/feeds\/[^"]+\.ics)"/.exec(await response.text())?.[1];
	expect(https).toBeTruthy();
	return https!;
}

/** Some seconds pass, as between a change and the next poll (helpers/feed-changes.ts). */
const timePasses = () => withDatabase(databaseUrl, (db) => ageFeedChanges(db));

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-feed-changes-http-'));
	databaseUrl = join(dir, 'protokol.db');
	server = await startServer({ databaseUrl });
	officer = await signInOverHttp(server, await addUser(databaseUrl, 'officer'));
	ids = await withDatabase(databaseUrl, async (db) => {
		const now = Date.now();
		const at = (days: number, hours = 0) => new Date(now + days * DAY + hours * 3600_000).toISOString();
		const person = await insertPerson(db, { given_name: 'Amy', family_name: 'Pope' });
		const organization = await insertOrganization(db, { name: 'Caspian Migration Observatory' });
		const series = await db
			.insertInto('event_series')
			.values({ name: 'Caspian migration talks', created_at: at(0), updated_at: at(0) })
			.returning('id')
			.executeTakeFirstOrThrow();
		const event = (title: string, days: number, isPublic: boolean) =>
			insertEvent(db, {
				title,
				status: 'confirmed',
				start_at: at(days),
				end_at: at(days, 2),
				series_id: series.id,
				is_public: isPublic ? 1 : 0
			});
		const council = await event('Talks, council session', 3, true);
		const visit = await event('Talks, working visit', 5, true);
		const closed = await event('Talks, closed round', 6, false);
		await insertEvent(db, {
			title: 'Unrelated briefing',
			status: 'confirmed',
			start_at: at(4),
			end_at: at(4, 1)
		});
		await db
			.insertInto('event_organization')
			.values({ event_id: closed.id, organization_id: organization.id, role: 'host' })
			.execute();
		for (const e of [council, visit]) await insertParticipation(db, e.id, person.id, organization.id);
		return {
			person: person.id,
			organization: organization.id,
			series: series.id,
			visit: visit.id,
			council: council.id
		};
	});
	feeds.person = await createFeed(`/people/${ids.person}`);
	feeds.organization = await createFeed(`/organizations/${ids.organization}`);
	feeds.series = await createFeed('/calendar', { series: String(ids.series) });
	feeds.public = `${server.url}/feeds/public.ics`;
	await timePasses();
}, 120_000);
afterAll(async () => {
	await server?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

let clients: Record<keyof typeof feeds, DateOnlyClient>;

test('each feed holds its own events; polled again unchanged, each answers 304, by date or by ETag', async () => {
	clients = {
		person: new DateOnlyClient(feeds.person),
		organization: new DateOnlyClient(feeds.organization),
		series: new DateOnlyClient(feeds.series),
		public: new DateOnlyClient(feeds.public)
	};
	expect((await clients.person.poll()).titles).toEqual(['Talks, council session', 'Talks, working visit']);
	expect((await clients.organization.poll()).titles).toEqual([
		'Talks, council session',
		'Talks, working visit',
		'Talks, closed round'
	]);
	expect((await clients.series.poll()).titles).toEqual([
		'Talks, council session',
		'Talks, working visit',
		'Talks, closed round'
	]);
	const shown = (await clients.public.poll()).titles;
	expect(shown).toContain('Talks, working visit');
	expect(shown).not.toContain('Talks, closed round');
	expect(shown).not.toContain('Unrelated briefing');
	for (const client of Object.values(clients)) expect((await client.poll()).status).toBe(304);

	const first = await fetch(feeds.person);
	const again = await fetch(feeds.person, { headers: { 'if-none-match': first.headers.get('etag')! } });
	expect(again.status).toBe(304);
	expect(again.headers.get('last-modified')).toBe(first.headers.get('last-modified'));
	expect(await again.text()).toBe('');
});

test('an event deleted leaves every feed that held it, for a client that checks only the date', async () => {
	const version = await withDatabase(databaseUrl, async (db) =>
		db.selectFrom('event').select('version').where('id', '=', ids.visit).executeTakeFirstOrThrow()
	);
	const deleted = await postForm(
		server,
		`/events/${ids.visit}/delete?/delete`,
		{ confirm: 'on', version: String(version.version) },
		{ cookie: officer }
	);
	expect(deleted.status).toBe(303);
	for (const client of Object.values(clients)) {
		const answer = await client.poll();
		expect(answer.status).toBe(200);
		expect(answer.titles).not.toContain('Talks, working visit');
	}
	await timePasses();
	for (const client of Object.values(clients)) expect((await client.poll()).status).toBe(304);
});

test('an event moved out of the window leaves the feed likewise', async () => {
	await withDatabase(databaseUrl, (db) =>
		db
			.updateTable('event')
			.set({
				start_at: new Date(Date.now() + 4 * 365 * DAY).toISOString(),
				end_at: new Date(Date.now() + 4 * 365 * DAY + 3600_000).toISOString()
			})
			.where('id', '=', ids.council)
			.execute()
	);
	const answer = await clients.person.poll();
	expect(answer.status).toBe(200);
	expect(answer.titles).toEqual([]);
});

test('a revoked feed is refused', async () => {
	const feedId = /\/feeds\/([a-z2-7]{32})\./.exec(feeds.organization)![1]!;
	const revoked = await postForm(
		server,
		`/organizations/${ids.organization}?/revokeFeed`,
		{ feedId },
		{ cookie: officer }
	);
	expect(revoked.status).toBe(200);
	expect((await clients.organization.poll()).status).toBe(404);
});
