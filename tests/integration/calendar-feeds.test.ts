/**
 * Calendar feeds on both engines: each scope selects its events (a person's engagements, an
 * organisation's, a series', the office's with filters); a cancelled event stays as CANCELLED for a
 * while; the ETag stays while nothing changes and moves when an event does; revoking ends the feed;
 * a feed costs the same queries on ten times the events. Read back with ical.js.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Database } from '$lib/server/db/schema';
import { NotFound } from '$lib/server/errors';
import { changeEventStatus } from '$lib/server/events/event.service';
import {
	createFeed,
	FEED_SERIES_CHOICES,
	findFeedCalendar,
	getOfficeFeeds,
	listFeedsOf,
	revokeFeed
} from '$lib/server/feeds/feed.service';
import { officer } from '../helpers/actors';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertEvent, insertOrganization, insertParticipation, insertPerson } from '../helpers/factories';
import { ageFeedChanges } from '../helpers/feed-changes';
import { parseCalendar } from '../helpers/ical';

type Db = Kysely<Database>;
const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2026-03-01T09:00:00.000Z');
const stamps = () => ({ created_at: NOW.toISOString(), updated_at: NOW.toISOString() });

function eventAt(db: Db, title: string, daysFromNow: number, fields: Parameters<typeof insertEvent>[1] = {}) {
	const start = new Date(NOW.getTime() + daysFromNow * DAY);
	return insertEvent(db, {
		title,
		status: 'confirmed',
		start_at: start.toISOString(),
		end_at: new Date(start.getTime() + 2 * 60 * 60 * 1000).toISOString(),
		...stamps(),
		...fields
	});
}

const titles = (text: string) => parseCalendar(text).events.map((e) => e.summary);

describeEachEngine('calendar feeds', (engine) => {
	let handle: TestDatabase;
	let ids: { iom: number; speaker: number; series: number; soon: number; later: number; elsewhere: number };

	beforeAll(async () => {
		handle = await engine.open();
		const db = handle.db;
		const iom = await insertOrganization(db, {
			name: 'International Organization for Migration',
			acronym: 'IOM'
		});
		const speaker = await insertPerson(db, { given_name: 'Amy', family_name: 'Pope' });
		const other = await insertPerson(db, { given_name: 'Firudin', family_name: 'Nəbiyev' });
		const series = await db
			.insertInto('event_series')
			.values({ name: 'International Migrants Day', ...stamps() })
			.returning('id')
			.executeTakeFirstOrThrow();
		const soon = await eventAt(db, 'Council session', 10, { kind: 'council_session' });
		const later = await eventAt(db, 'International Migrants Day 2026', 40, {
			series_id: series.id,
			kind: 'observance'
		});
		const elsewhere = await eventAt(db, 'Working visit to Nakhchivan', 20, { kind: 'working_visit' });
		const longAgo = await eventAt(db, 'Forum of 2024', -400);
		const draft = await eventAt(db, 'An idea, not yet planned', 15, { status: 'draft' });
		await insertParticipation(db, soon.id, speaker.id, iom.id);
		await insertParticipation(db, later.id, speaker.id);
		await insertParticipation(db, longAgo.id, speaker.id);
		await insertParticipation(db, draft.id, speaker.id);
		await insertParticipation(db, elsewhere.id, other.id);
		ids = {
			iom: iom.id,
			speaker: speaker.id,
			series: series.id,
			soon: soon.id,
			later: later.id,
			elsewhere: elsewhere.id
		};
	});
	afterAll(() => handle?.close());

	async function feedText(request: Parameters<typeof createFeed>[2], now = NOW) {
		const { token } = await createFeed(handle.db, officer, request, NOW);
		return (await findFeedCalendar(handle.db, token, { now }))!.text!;
	}

	test("a person's feed holds the events they take part in, within a year back and two ahead, not drafts", async () => {
		const text = await feedText({ personId: ids.speaker });
		expect(titles(text)).toEqual(['Council session', 'International Migrants Day 2026']);
		const { calendar } = parseCalendar(text);
		expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Protokol: Amy Pope');
		expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Asia/Baku');
		expect(calendar.getFirstPropertyValue('method')).toBeNull();
	});

	test('an organisation, a series and the office calendar with a filter select their own', async () => {
		expect(titles(await feedText({ organizationId: ids.iom }))).toEqual(['Council session']);
		expect(titles(await feedText({ seriesId: ids.series }))).toEqual(['International Migrants Day 2026']);
		expect(titles(await feedText({ kind: 'working_visit' }))).toEqual(['Working visit to Nakhchivan']);
		expect(titles(await feedText({ name: 'Everything' }))).toEqual([
			'Council session',
			'Working visit to Nakhchivan',
			'International Migrants Day 2026'
		]);
	});

	test('the same calendar answers with the same ETag until an event changes; then a new one', async () => {
		const { token } = await createFeed(handle.db, officer, { personId: ids.speaker }, NOW);
		const first = (await findFeedCalendar(handle.db, token, { now: NOW }))!;
		const again = (await findFeedCalendar(handle.db, token, { now: new Date(NOW.getTime() + 5 * 60_000) }))!;
		expect(again.etag).toBe(first.etag);
		expect(again.lastModified).toBe(first.lastModified);
		await ageFeedChanges(handle.db);
		const aged = (await findFeedCalendar(handle.db, token, { now: NOW }))!;
		await handle.db
			.updateTable('event')
			.set({
				title: 'Council session (extraordinary)',
				updated_at: new Date(NOW.getTime() + 60_000).toISOString()
			})
			.where('id', '=', ids.soon)
			.execute();
		const changed = (await findFeedCalendar(handle.db, token, { now: NOW }))!;
		expect(changed.etag).not.toBe(first.etag);
		expect(Date.parse(changed.lastModified)).toBeGreaterThan(Date.parse(aged.lastModified));
	});

	test('a cancelled event stays in the feed as CANCELLED, with the same UID and a higher SEQUENCE', async () => {
		const { token } = await createFeed(handle.db, officer, { seriesId: ids.series }, NOW);
		const before = parseCalendar((await findFeedCalendar(handle.db, token, { now: NOW }))!.text!).events[0]!;
		await changeEventStatus(
			handle.db,
			officer,
			{ eventId: ids.later, version: 1, change: 'cancel', reason: 'Merged into the forum.' },
			NOW
		);
		const after = parseCalendar((await findFeedCalendar(handle.db, token, { now: NOW }))!.text!).events[0]!;
		expect(after.uid).toBe(before.uid);
		expect(after.sequence).toBeGreaterThan(before.sequence);
		expect(after.component.getFirstPropertyValue('status')).toBe('CANCELLED');
		expect(after.description).toContain('Merged into the forum.');
		// Once it has passed and two months have gone by, it leaves the feed.
		const muchLater = new Date(NOW.getTime() + 120 * DAY);
		expect(titles((await findFeedCalendar(handle.db, token, { now: muchLater }))!.text!)).toEqual([]);
	});

	test('a revoked, unknown or mistyped token opens nothing', async () => {
		const { token, feedId } = await createFeed(handle.db, officer, { personId: ids.speaker }, NOW);
		expect(await findFeedCalendar(handle.db, token, { now: NOW })).not.toBeNull();
		const [id, secret] = token.split('.') as [string, string];
		expect(
			await findFeedCalendar(handle.db, `${id}.${secret.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a'))}`)
		).toBeNull();
		expect(await findFeedCalendar(handle.db, 'not-a-token')).toBeNull();
		await revokeFeed(handle.db, officer, feedId, NOW);
		expect(await findFeedCalendar(handle.db, token, { now: NOW })).toBeNull();
		const listed = (await listFeedsOf(handle.db, { personId: ids.speaker })).find((f) => f.id === feedId);
		expect(listed?.revokedAt).toBe(NOW.toISOString());
		const audit = await handle.db
			.selectFrom('audit_entry')
			.select('action')
			.where('action', 'like', 'calendar_feed.%')
			.execute();
		expect(audit.map((a) => a.action)).toContain('calendar_feed.revoke');
		await expect(createFeed(handle.db, officer, { personId: 999999 })).rejects.toBeInstanceOf(NotFound);
	});

	test('a feed costs the same number of queries with ten times the events', async () => {
		const counts: number[] = [];
		for (const events of [5, 50]) {
			let queries = 0;
			const counted = await engine.open({ onQuery: () => queries++ });
			try {
				const person = await insertPerson(counted.db, { given_name: 'Count', family_name: 'Queries' });
				for (let i = 0; i < events; i++) {
					const event = await eventAt(counted.db, `Meeting ${i}`, 1 + i);
					await insertParticipation(counted.db, event.id, person.id);
				}
				const { token } = await createFeed(counted.db, officer, { personId: person.id }, NOW);
				queries = 0;
				const feed = await findFeedCalendar(counted.db, token, { now: NOW });
				expect(parseCalendar(feed!.text!).events).toHaveLength(events);
				counts.push(queries);
			} finally {
				await counted.close();
			}
		}
		expect(counts[1]).toBe(counts[0]);
	});
	test('the office feed form offers the series last created, by name, not every series', async () => {
		const db = handle.db;
		const rows = Array.from({ length: FEED_SERIES_CHOICES + 5 }, (_, i) => ({
			name: `Series ${String(FEED_SERIES_CHOICES + 5 - i).padStart(4, '0')}`,
			...stamps()
		}));
		await db.insertInto('event_series').values(rows).execute();
		const latest = await db
			.selectFrom('event_series')
			.select(['id', 'name'])
			.orderBy('id', 'desc')
			.limit(FEED_SERIES_CHOICES)
			.execute();
		const { series, moreSeries } = await getOfficeFeeds(db);
		expect(moreSeries).toBe(true);
		expect(series).toEqual([...latest].sort((a, b) => a.name.localeCompare(b.name)));
	});
});
