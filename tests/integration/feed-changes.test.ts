/**
 * A feed's version follows its content on both engines, without the feed being built: the triggers of
 * 20261207_0300_create_feed_changes note each change by scope, and a client that names only the date
 * it has (If-Modified-Since) is told 304 while nothing it shows changed and gets the calendar again when
 * an event is deleted, moved out of the window, or passes out of it with time, when a participant is
 * removed, or when a venue is renamed; a change elsewhere leaves it 304. The 304 reads no event.
 * After each change, time passes for the journal and the clients alike (helpers/feed-changes.ts).
 */
import type { LogEvent } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { deleteEvent } from '$lib/server/events/event.service';
import {
	createFeed,
	findFeedCalendar,
	findPublicCalendar,
	type FeedAnswer,
	type FeedOptions
} from '$lib/server/feeds/feed.service';
import { findLatestFeedChanges, pruneFeedChanges } from '$lib/server/feeds/feed.repository';
import { officer } from '../helpers/actors';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import {
	insertEvent,
	insertOrganization,
	insertParticipation,
	insertPerson,
	insertVenue
} from '../helpers/factories';
import { ageFeedChanges } from '../helpers/feed-changes';
import { parseCalendar } from '../helpers/ical';

const DAY = 24 * 60 * 60 * 1000;

describeEachEngine('feed changes', (engine) => {
	let handle: TestDatabase;
	/** Queries made since the last reset, for the test that a 304 reads no event. */
	let logged: string[] = [];
	/**
	 * The tests' clock runs a minute ahead of the database's, so every change the tests make is settled
	 * (feed.service.ts SETTLE_MS) when the feed is read.
	 */
	let now: Date;

	beforeAll(async () => {
		handle = await engine.open({ onQuery: (event: LogEvent) => logged.push(event.query.sql) });
		now = new Date(Date.now() + 60_000);
	});
	afterAll(() => handle?.cleanup());

	/** Feeds are made a while before the test reads them, as a subscriber's first poll is. */
	const created = () => new Date(now.getTime() - 5 * 60_000);
	const at = (days: number) => new Date(now.getTime() + days * DAY).toISOString();

	async function eventAt(title: string, days: number, fields: Parameters<typeof insertEvent>[1] = {}) {
		return insertEvent(handle.db, {
			title,
			status: 'confirmed',
			start_at: at(days),
			end_at: new Date(Date.parse(at(days)) + 2 * 60 * 60 * 1000).toISOString(),
			...fields
		});
	}

	const titles = (answer: FeedAnswer | null) => parseCalendar(answer!.text!).events.map((e) => e.summary);

	/** Reads the feed as a client that keeps only the Last-Modified of its previous answer. */
	/** What each subscriber holds: the Last-Modified of its previous answer. */
	const held: { lastModified: string | null }[] = [];

	/**
	 * Some seconds pass: every noted change and every date a subscriber holds move back alike
	 * (helpers/feed-changes.ts). Clients poll a while after a change, never within its second.
	 */
	async function timePasses(seconds = 10) {
		await ageFeedChanges(handle.db, seconds);
		for (const client of held) {
			if (client.lastModified) {
				client.lastModified = new Date(Date.parse(client.lastModified) - seconds * 1000).toUTCString();
			}
		}
	}

	/** Reads the feed as a client that keeps only the Last-Modified of its previous answer. */
	function subscriber(read: (options: FeedOptions) => Promise<FeedAnswer | null>) {
		const client = { lastModified: null as string | null };
		held.push(client);
		return async (when = now) => {
			const answer = (await read({ now: when, condition: { ifModifiedSince: client.lastModified } }))!;
			client.lastModified = answer.lastModified;
			return answer;
		};
	}

	const feedOf = async (request: Parameters<typeof createFeed>[2]) => {
		const { token } = await createFeed(handle.db, officer, request, created());
		await timePasses();
		return subscriber((options) => findFeedCalendar(handle.db, token, options));
	};

	test('deleting an event gives the calendar without it to a client that checks only the date', async () => {
		const person = await insertPerson(handle.db, { given_name: 'Amy', family_name: 'Pope' });
		const kept = await eventAt('Council session', 3);
		const doomed = await eventAt('Working visit', 5);
		await insertParticipation(handle.db, kept.id, person.id);
		await insertParticipation(handle.db, doomed.id, person.id);
		const personal = await feedOf({ personId: person.id });
		const office = await feedOf({});
		expect(titles(await personal())).toEqual(['Council session', 'Working visit']);
		expect(titles(await office())).toContain('Working visit');
		expect((await personal()).text).toBeNull();
		expect((await office()).text).toBeNull();

		await deleteEvent(handle.db, officer, doomed.id, doomed.version, now);
		await timePasses();

		expect(titles(await personal())).toEqual(['Council session']);
		expect(titles(await office())).not.toContain('Working visit');
		expect((await personal()).text).toBeNull();
	});

	test('an event moved out of the window, or left behind by time, leaves the feed with a new date', async () => {
		const series = await handle.db
			.insertInto('event_series')
			.values({ name: 'Migration dialogue', created_at: now.toISOString(), updated_at: now.toISOString() })
			.returning('id')
			.executeTakeFirstOrThrow();
		const moving = await eventAt('Dialogue, first round', 10, { series_id: series.id });
		// Noon (UTC) 364.5 days before today began: inside today's window, which reaches a year back from the
		// start of the UTC day, and out of tomorrow's, whatever the hour the test runs at.
		const startOfToday = Math.floor(now.getTime() / DAY) * DAY;
		await eventAt('Dialogue of last year', (startOfToday - now.getTime()) / DAY - 364.5, {
			series_id: series.id
		});
		const read = await feedOf({ seriesId: series.id });
		expect(titles(await read())).toEqual(['Dialogue of last year', 'Dialogue, first round']);
		expect((await read()).text).toBeNull();

		await handle.db
			.updateTable('event')
			.set({ start_at: at(3 * 365), end_at: at(3 * 365 + 0.1) })
			.where('id', '=', moving.id)
			.execute();
		await timePasses();
		expect(titles(await read())).toEqual(['Dialogue of last year']);

		// A day on, last year's has passed out of the window: nothing was written, yet the date moves.
		const tomorrow = new Date(now.getTime() + DAY);
		const later = await read(tomorrow);
		expect(titles(later)).toEqual([]);
		expect(Date.parse(later.lastModified)).toBeGreaterThan(now.getTime() - 1000);
		expect((await read(tomorrow)).text).toBeNull();
	});

	test("removing a participant changes their feed and not another person's", async () => {
		const leaving = await insertPerson(handle.db, { given_name: 'Leyla', family_name: 'Aliyeva' });
		const staying = await insertPerson(handle.db, { given_name: 'Rauf', family_name: 'Mammadov' });
		const iom = await insertOrganization(handle.db, { name: 'International Organization for Migration' });
		const meeting = await eventAt('Bilateral meeting', 7);
		await insertParticipation(handle.db, meeting.id, leaving.id, iom.id);
		await insertParticipation(handle.db, meeting.id, staying.id);
		const theirs = await feedOf({ personId: leaving.id });
		const others = await feedOf({ personId: staying.id });
		const organisation = await feedOf({ organizationId: iom.id });
		for (const read of [theirs, others, organisation])
			expect(titles(await read())).toEqual(['Bilateral meeting']);

		await handle.db
			.deleteFrom('event_participant')
			.where('event_id', '=', meeting.id)
			.where('person_id', '=', leaving.id)
			.execute();
		await timePasses();

		expect(titles(await theirs())).toEqual([]);
		expect(titles(await organisation())).toEqual([]);
		expect((await others()).text).toBeNull();
	});

	test("a change to another series' event leaves a series feed unchanged; a renamed venue changes every feed", async () => {
		const [ours, theirs] = await handle.db
			.insertInto('event_series')
			.values([
				{ name: 'Ours', created_at: now.toISOString(), updated_at: now.toISOString() },
				{ name: 'Theirs', created_at: now.toISOString(), updated_at: now.toISOString() }
			])
			.returning('id')
			.execute();
		const venue = await insertVenue(handle.db, { name: 'Hall A' });
		await eventAt('Our meeting', 4, { series_id: ours!.id, venue_id: venue.id });
		const other = await eventAt('Their meeting', 4, { series_id: theirs!.id });
		const read = await feedOf({ seriesId: ours!.id });
		expect(titles(await read())).toEqual(['Our meeting']);

		await handle.db
			.updateTable('event')
			.set({ title: 'Their meeting, renamed' })
			.where('id', '=', other.id)
			.execute();
		await timePasses();
		expect((await read()).text).toBeNull();

		await handle.db.updateTable('venue').set({ name: 'Hall B' }).where('id', '=', venue.id).execute();
		await timePasses();
		const renamed = await read();
		expect(parseCalendar(renamed.text!).events[0]!.location).toContain('Hall B');
	});

	test('the public feed holds the public events that are not drafts, and changes with them alone', async () => {
		const shown = await eventAt('Open forum', 6, { is_public: 1 });
		await eventAt('Draft forum', 6, { is_public: 1, status: 'draft' });
		const internal = await eventAt('Internal briefing', 6);
		await timePasses();
		const read = subscriber((options) => findPublicCalendar(handle.db, options));
		const first = await read();
		expect(titles(first)).toContain('Open forum');
		expect(titles(first)).not.toContain('Draft forum');
		expect(titles(first)).not.toContain('Internal briefing');
		expect(parseCalendar(first.text!).calendar.getFirstPropertyValue('x-wr-calname')).toBe(
			'Protokol: public events'
		);

		await handle.db
			.updateTable('event')
			.set({ title: 'Internal briefing, moved' })
			.where('id', '=', internal.id)
			.execute();
		await timePasses();
		expect((await read()).text).toBeNull();
		await handle.db.updateTable('event').set({ is_public: 0 }).where('id', '=', shown.id).execute();
		await timePasses();
		expect(titles(await read())).not.toContain('Open forum');
	});

	test('a client whose copy is current is answered from the feed and its changes alone, no event read', async () => {
		const person = await insertPerson(handle.db, { given_name: 'Count', family_name: 'Queries' });
		await insertParticipation(handle.db, (await eventAt('Counted', 2)).id, person.id);
		const { token } = await createFeed(handle.db, officer, { personId: person.id }, created());
		await ageFeedChanges(handle.db);
		const first = (await findFeedCalendar(handle.db, token, { now }))!;
		for (const condition of [{ ifNoneMatch: first.etag }, { ifModifiedSince: first.lastModified }]) {
			logged = [];
			const answer = (await findFeedCalendar(handle.db, token, { now, condition }))!;
			expect(answer.text).toBeNull();
			expect(answer.etag).toBe(first.etag);
			expect(logged.filter((query) => /from "event"/.test(query))).toEqual([]);
			expect(logged.length).toBeLessThanOrEqual(2);
		}
	});

	test('pruning keeps the latest change of every scope', async () => {
		const scopes = ['office', 'public', 'all'];
		const before = await findLatestFeedChanges(handle.db, scopes);
		expect(await pruneFeedChanges(handle.db, new Date(Date.now() + DAY).toISOString())).toBeGreaterThan(0);
		expect(await findLatestFeedChanges(handle.db, scopes)).toEqual(before);
		// Pruned again, nothing is left to go: every scope holds its latest change alone.
		expect(await pruneFeedChanges(handle.db, new Date(Date.now() + DAY).toISOString())).toBe(0);
	});
});
