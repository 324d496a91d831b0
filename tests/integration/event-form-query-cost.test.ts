/**
 * The event form's pages (edit, duplicate, delete) cost a fixed number of queries whatever the size of
 * the data: the same count on a small office and on one ten times larger.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Database } from '$lib/server/db/schema';
import {
	findDuplicateForm,
	findEventDeletion,
	findEventForm,
	getEventFormOptions
} from '$lib/server/events/event-read.service';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertEvent, insertOrganization, insertPerson, insertVenue } from '../helpers/factories';

/** `size` venues, series, organisations and events, each event with hosts, an agenda with roles, participants. */
async function populate(db: Kysely<Database>, size: number): Promise<number> {
	const now = new Date().toISOString();
	const stamps = { created_at: now, updated_at: now };
	let first = 0;
	for (let n = 0; n < size; n++) {
		const venue = await insertVenue(db, { name: `Venue ${n}` });
		const series = await db
			.insertInto('event_series')
			.values({ name: `Series ${n}`, ...stamps })
			.returning('id')
			.executeTakeFirstOrThrow();
		const host = await insertOrganization(db, { name: `Host ${n}`, acronym: `H${n}` });
		const coHost = await insertOrganization(db, { name: `Co-host ${n}`, acronym: `C${n}` });
		const start = new Date(Date.UTC(2021, 11, 17 - n, 6));
		const event = await insertEvent(db, {
			title: `International Migrants Day ${2021 - n}`,
			start_at: start.toISOString(),
			end_at: new Date(start.getTime() + 9_000_000).toISOString(),
			venue_id: venue.id,
			series_id: series.id
		});
		if (n === 0) first = event.id;
		await db
			.insertInto('event_organization')
			.values([
				{ event_id: event.id, organization_id: host.id, role: 'host', position: 0 },
				{ event_id: event.id, organization_id: coHost.id, role: 'co_host', position: 1 }
			])
			.execute();
		for (let i = 0; i < size; i++) {
			const person = await insertPerson(db, { given_name: `Given${n}.${i}`, family_name: `Family${n}.${i}` });
			const participant = await db
				.insertInto('event_participant')
				.values({ event_id: event.id, person_id: person.id, role: 'speaker', ...stamps })
				.returning('id')
				.executeTakeFirstOrThrow();
			const item = await db
				.insertInto('agenda_item')
				.values({
					event_id: event.id,
					position: i + 1,
					kind: 'speech',
					title: `Speech ${i}`,
					start_at: start.toISOString(),
					end_at: start.toISOString(),
					...stamps
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			await db
				.insertInto('agenda_item_role')
				.values({ agenda_item_id: item.id, participant_id: participant.id, role: 'speaker' })
				.execute();
		}
	}
	return first;
}

describeEachEngine('what the event form costs', (engine) => {
	const handles: TestDatabase[] = [];
	const counters: { queries: number }[] = [];
	const events: number[] = [];

	beforeAll(async () => {
		for (const size of [1, 10]) {
			const counter = { queries: 0 };
			const handle = await engine.open({ onQuery: () => counter.queries++ });
			events.push(await populate(handle.db, size));
			handles.push(handle);
			counters.push(counter);
		}
	});
	afterAll(async () => {
		for (const handle of handles) await handle.cleanup();
	});

	async function cost(run: (db: Kysely<Database>, eventId: number) => Promise<unknown>) {
		const counts: number[] = [];
		for (const [index, handle] of handles.entries()) {
			counters[index]!.queries = 0;
			await run(handle.db, events[index]!);
			counts.push(counters[index]!.queries);
		}
		return counts;
	}

	test('the edit page costs the same on ten times the data, naming only the venue and hosts it holds', async () => {
		const loaded: Awaited<ReturnType<typeof getEventFormOptions>>[] = [];
		const named: string[][] = [];
		const counts = await cost(async (db, eventId) => {
			const form = await findEventForm(db, eventId);
			expect(form!.values.hosts).toHaveLength(1);
			named.push([...form!.values.hosts, ...form!.values.coHosts]);
			loaded.push(await getEventFormOptions(db, form!.values));
		});
		expect(loaded[1]!.venues).toHaveLength(1);
		expect(loaded[1]!.organizations.map((o) => String(o.id))).toEqual(named[1]);
		expect(counts[1]).toBe(counts[0]);
		expect(counts[0]).toBe(5);
	});

	test('the duplicate page costs the same on ten times the data', async () => {
		const counts = await cost(async (db, eventId) => {
			const form = await findDuplicateForm(db, eventId);
			await getEventFormOptions(db, form!.values);
			expect(form!.values.title).toBe('International Migrants Day 2022');
		});
		expect(counts[1]).toBe(counts[0]);
	});

	test('the delete page costs the same on ten times the data', async () => {
		const counts = await cost(async (db, eventId) => {
			expect((await findEventDeletion(db, eventId))!.agendaItems).toBeGreaterThan(0);
		});
		expect(counts[1]).toBe(counts[0]);
		expect(counts[0]).toBe(2);
	});
});
