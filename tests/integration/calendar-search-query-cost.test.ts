/**
 * The calendar and the search cost a fixed number of queries: the same on a data set and on one ten
 * times larger. A query per event, per host or per result would show up here as a count that grows.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { getCalendarMonth, getCalendarWeek } from '$lib/server/calendar/calendar.service';
import { searchChoices } from '$lib/server/choosers/chooser.service';
import type { Database } from '$lib/server/db/schema';
import { refreshSearchIndex, searchEverything, searchType } from '$lib/server/search/search.service';
import { officer } from '../helpers/actors';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertEvent, insertOrganization, insertPerson } from '../helpers/factories';

/** `events` events in January 2020, each with two hosts and `perEvent` participants; letters and outcomes. */
async function populate(db: Kysely<Database>, events: number, perEvent: number) {
	const now = new Date().toISOString();
	const stamps = { created_at: now, updated_at: now };
	const host = await insertOrganization(db);
	const coHost = await insertOrganization(db, {
		name: 'International Organization for Migration',
		acronym: 'IOM'
	});
	const people = [];
	for (let i = 0; i < perEvent; i++) {
		people.push(await insertPerson(db, { given_name: `Given${i}`, family_name: `Migrantsson${i}` }));
	}
	for (let e = 0; e < events; e++) {
		// Spread over the month, some lasting three days, in two zones.
		const start = new Date(Date.UTC(2020, 0, 1 + (e % 28), 8 + (e % 5)));
		const hours = e % 4 === 0 ? 72 : 2;
		const event = await insertEvent(db, {
			title: `Migration dialogue ${e}`,
			time_zone: e % 2 === 0 ? 'Asia/Baku' : 'Europe/Zurich',
			start_at: start.toISOString(),
			end_at: new Date(start.getTime() + hours * 3_600_000).toISOString()
		});
		await db
			.insertInto('event_organization')
			.values([
				{ event_id: event.id, organization_id: host.id, role: 'host', position: 0 },
				{ event_id: event.id, organization_id: coHost.id, role: 'co_host', position: 1 }
			])
			.execute();
		await db
			.insertInto('event_participant')
			.values(people.map((p) => ({ event_id: event.id, person_id: p.id, role: 'guest' as const, ...stamps })))
			.execute();
		await db
			.insertInto('outcome')
			.values({ event_id: event.id, kind: 'action_point', title: `Migration follow-up ${e}`, ...stamps })
			.execute();
		await db
			.insertInto('correspondence')
			.values({ kind: 'letter', dated_on: '2019-12-01', subject: `Migration letter ${e}`, ...stamps })
			.execute();
	}
	await refreshSearchIndex(db);
	return people[0]!.id;
}

describeEachEngine('what the calendar and the search cost', (engine) => {
	// The index check and the search; on SQLite a word of four letters or more first reads which terms it
	// begins (search_term), one indexed query per spelling of it (two here), whatever the data's size.
	const SEARCH_QUERIES = engine.engine === 'sqlite' ? 4 : 2;
	const sizes = [1, 10] as const;
	const handles: TestDatabase[] = [];
	const counters: { queries: number }[] = [];
	const firstPeople: number[] = [];

	beforeAll(async () => {
		for (const size of sizes) {
			const counter = { queries: 0 };
			const handle = await engine.open({ onQuery: () => counter.queries++ });
			firstPeople.push(await populate(handle.db, 3 * size, 2 * size));
			handles.push(handle);
			counters.push(counter);
		}
	});
	afterAll(async () => {
		for (const handle of handles) await handle.cleanup();
	});

	async function cost<T>(run: (db: Kysely<Database>, index: number) => Promise<T>) {
		const counts: number[] = [];
		const results: T[] = [];
		for (const [index, handle] of handles.entries()) {
			const counter = counters[index]!;
			counter.queries = 0;
			results.push(await run(handle.db, index));
			counts.push(counter.queries);
		}
		return { counts, results };
	}

	test('a month of the calendar: each day’s first events, in one statement', async () => {
		const { counts, results } = await cost((db) =>
			getCalendarMonth(db, { year: 2020, month: 1, zone: 'Europe/Zurich' })
		);
		// No day here holds more than a month's day shows; one that does costs one more query, counting
		// them all (tests/integration/calendar.test.ts, "the hourly grid, and busy days bounded").
		expect(results[1]!.truncated).toBe(false);
		expect(results[1]!.count).toBe(30);
		expect(counts[1]).toBe(counts[0]);
		expect(counts[0]).toBe(1);
	});

	test('a week of the calendar, filtered by a person', async () => {
		const { counts, results } = await cost((db, i) =>
			getCalendarWeek(db, { date: '2020-01-02', zone: 'Asia/Baku', filter: { personId: firstPeople[i] } })
		);
		expect(results[0]!.count).toBe(3);
		expect(results[1]!.count).toBeGreaterThan(3);
		expect(counts[1]).toBe(counts[0]);
		expect(counts[0]).toBe(2);
	});

	test("the person filter's chooser: the index check, a range a spelling, and the rows found", async () => {
		const { counts, results } = await cost((db) => searchChoices(db, officer, 'person', 'migrantss'));
		expect(results[0]!.length).toBeGreaterThan(0);
		expect(results[1]).toHaveLength(20);
		expect(counts[1]).toBe(counts[0]);
		expect(counts[0]).toBe(4);
	});

	test('a search across every type: the index check and one query', async () => {
		const { counts, results } = await cost((db) => searchEverything(db, 'migra'));
		expect(results[1]!.groups.map((g) => g.total)).toEqual([30, 20, 2, 30, 30]);
		expect(counts[1]).toBe(counts[0]);
		expect(counts[0]).toBe(SEARCH_QUERIES);
	});

	test('a page of one type of result', async () => {
		const { counts, results } = await cost((db) => searchType(db, 'migration', 'event', { limit: 25 }));
		expect(results[1]!.hits.items).toHaveLength(25);
		expect(counts[1]).toBe(counts[0]);
		expect(counts[0]).toBe(SEARCH_QUERIES);
	});

	test('bringing the index up to date after an edit', async () => {
		const { counts } = await cost(async (db) => {
			await db
				.updateTable('event')
				.set({ title: 'Renamed dialogue' })
				.where('title', '=', 'Migration dialogue 1')
				.execute();
			const refreshed = await refreshSearchIndex(db);
			expect(refreshed).toBe(1);
		});
		expect(counts[1]).toBe(counts[0]);
	});
});
