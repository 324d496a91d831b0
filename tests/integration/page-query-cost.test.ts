/**
 * A page costs a fixed number of queries whatever the size of the data: the same count on a small data
 * set and on one ten times larger. A query per row would show up here as a count that grows.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Database } from '$lib/server/db/schema';
import { systemActor } from '$lib/server/audit/audit';
import { findEventPage, listEventsPage } from '$lib/server/events/event-read.service';
import { createFeed, findFeedCalendar } from '$lib/server/feeds/feed.service';
import { findPersonPage } from '$lib/server/people/person.service';
import { getThankYouLetters } from '$lib/server/correspondence/thank-you.service';
import { SeatingGenerateInput } from '$lib/server/seating/seating.input';
import { findSeatingPlan, generateSeatingPlan } from '$lib/server/seating/seating.service';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertEvent, insertOrganization, insertPerson } from '../helpers/factories';

/** `events` past events, each with two hosts, `perEvent` participants, agenda items, outcomes and a letter. */
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
		people.push(await insertPerson(db, { given_name: `Given${i}`, family_name: `Family${i}` }));
	}
	let first = 0;
	for (let e = 0; e < events; e++) {
		const start = new Date(Date.UTC(2020, 0, 1 + e, 8));
		const event = await insertEvent(db, {
			title: `Event ${e}`,
			start_at: start.toISOString(),
			end_at: new Date(start.getTime() + 3_600_000).toISOString()
		});
		if (e === 0) first = event.id;
		await db
			.insertInto('event_organization')
			.values([
				{ event_id: event.id, organization_id: host.id, role: 'host', position: 0 },
				{ event_id: event.id, organization_id: coHost.id, role: 'co_host', position: 1 }
			])
			.execute();
		const delegation = await db
			.insertInto('delegation')
			.values({ event_id: event.id, name: 'Host side', organization_id: host.id })
			.returning('id')
			.executeTakeFirstOrThrow();
		for (const [i, person] of people.entries()) {
			const participant = await db
				.insertInto('event_participant')
				.values({
					event_id: event.id,
					person_id: person.id,
					role: i === 0 ? 'head_of_delegation' : 'speaker',
					delegation_id: i % 2 === 0 ? delegation.id : null,
					organization_id: host.id,
					...stamps
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			const item = await db
				.insertInto('agenda_item')
				.values({ event_id: event.id, position: i + 1, kind: 'speech', title: `Speech ${i}`, ...stamps })
				.returning('id')
				.executeTakeFirstOrThrow();
			await db
				.insertInto('agenda_item_role')
				.values({ agenda_item_id: item.id, participant_id: participant.id, role: 'speaker' })
				.execute();
			const outcome = await db
				.insertInto('outcome')
				.values({
					event_id: event.id,
					kind: 'action_point',
					title: `Action ${i}`,
					owner_person_id: person.id,
					...stamps
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			await db
				.insertInto('outcome_party')
				.values({ outcome_id: outcome.id, organization_id: coHost.id })
				.execute();
			await db
				.insertInto('outcome_follow_up')
				.values({ outcome_id: outcome.id, event_id: event.id })
				.execute();
		}
		const letter = await db
			.insertInto('correspondence')
			.values({
				kind: 'letter',
				dated_on: '2019-12-01',
				subject: `Invitation ${e}`,
				sender_organization_id: host.id,
				recipient_organization_id: coHost.id,
				...stamps
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await db
			.insertInto('correspondence_event')
			.values({ correspondence_id: letter.id, event_id: event.id })
			.execute();
	}
	return { first, person: people[0]!.id };
}

describeEachEngine('what a page costs', (engine) => {
	const sizes = [1, 10] as const;
	const handles: TestDatabase[] = [];
	const counters: { queries: number }[] = [];
	const firstEvents: number[] = [];
	const firstPeople: number[] = [];

	beforeAll(async () => {
		for (const size of sizes) {
			const counter = { queries: 0 };
			const handle = await engine.open({ onQuery: () => counter.queries++ });
			const { first, person } = await populate(handle.db, 3 * size, 2 * size);
			firstEvents.push(first);
			firstPeople.push(person);
			handles.push(handle);
			counters.push(counter);
		}
	});
	afterAll(async () => {
		for (const handle of handles) await handle.cleanup();
	});

	async function cost(run: (db: Kysely<Database>, index: number) => Promise<unknown>) {
		const counts: number[] = [];
		for (const [index, handle] of handles.entries()) {
			const counter = counters[index]!;
			counter.queries = 0;
			await run(handle.db, index);
			counts.push(counter.queries);
		}
		return counts;
	}

	test('the event page costs the same on ten times the data', async () => {
		const pages: Awaited<ReturnType<typeof findEventPage>>[] = [];
		const counts = await cost(async (db, i) => pages.push(await findEventPage(db, firstEvents[i]!)));
		expect(pages[1]!.agenda).toHaveLength(20);
		expect(pages[1]!.outcomes).toHaveLength(20);
		expect(pages[1]!.participantCount).toBe(20);
		expect(counts[1]).toBe(counts[0]);
	});

	test('the thank-you letters page costs the same on ten times the data', async () => {
		const counts = await cost((db, i) => getThankYouLetters(db, systemActor('test'), firstEvents[i]!));
		expect(counts[1]).toBe(counts[0]);
		expect(counts[0]).toBeLessThanOrEqual(8);
	});

	test('the events list costs the same on ten times the data', async () => {
		const counts = await cost((db) =>
			listEventsPage(db, { when: 'past', now: new Date().toISOString() }, { limit: 25 })
		);
		expect(counts[1]).toBe(counts[0]);
		expect(counts[0]).toBeLessThanOrEqual(2);
	});

	test('the upcoming list, first and next page, costs the same on ten times the data', async () => {
		const before = '2019-06-01T00:00:00.000Z';
		const counts = await cost(async (db) => {
			const first = await listEventsPage(db, { when: 'upcoming', now: before }, { limit: 2 });
			expect(first.items).toHaveLength(2);
			const after = JSON.parse(Buffer.from(first.next!, 'base64url').toString('utf8')) as [string, number];
			await listEventsPage(db, { when: 'upcoming', now: before }, { limit: 2, after });
		});
		expect(counts[1]).toBe(counts[0]);
		expect(counts[0]).toBeLessThanOrEqual(4);
	});

	test("a person's feed and page cost the same on ten times the data", async () => {
		const now = new Date('2020-01-02T00:00:00Z');
		const tokens = await Promise.all(
			handles.map(
				async (handle, i) =>
					(await createFeed(handle.db, systemActor('test'), { personId: firstPeople[i]! }, now)).token
			)
		);
		// Once first on each: the first feed a process serves also tidies the feeds' journal (once an hour,
		// after its answer), and a feed's first use is noted on it; neither is part of what a feed costs.
		for (const [i, handle] of handles.entries()) await findFeedCalendar(handle.db, tokens[i]!, { now });
		await new Promise((resolve) => setTimeout(resolve, 200));
		const feeds = await cost((db, i) => findFeedCalendar(db, tokens[i]!, { now }));
		expect(feeds[1]).toBe(feeds[0]);
		const pages = await cost((db, i) => findPersonPage(db, firstPeople[i]!, { privateContacts: true }));
		expect(pages[1]).toBe(pages[0]);
	});

	test("the seating plan, with its warnings and guests' needs, costs the same on ten times the data", async () => {
		const input = SeatingGenerateInput.parse({
			layout: 'banquet',
			topShape: 'long',
			topSeats: '6',
			shape: 'round',
			seatsPerTable: '4'
		});
		for (const [i, handle] of handles.entries()) {
			await generateSeatingPlan(handle.db, systemActor('test'), firstEvents[i]!, null, input);
		}
		const plans: Awaited<ReturnType<typeof findSeatingPlan>>[] = [];
		const counts = await cost(async (db, i) =>
			plans.push(await findSeatingPlan(db, systemActor('test'), firstEvents[i]!))
		);
		expect(plans[1]!.guests).toHaveLength(20);
		expect(plans[1]!.tables.length).toBeGreaterThan(plans[0]!.tables.length);
		expect(counts[1]).toBe(counts[0]);
		expect(counts[0]).toBeLessThanOrEqual(10);
	});
});
