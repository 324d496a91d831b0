/**
 * The participants page and the printouts cost a fixed number of queries, the same on an event with ten
 * times the participants, sides and agenda roles.
 */
import type { Kysely } from 'kysely';
import { refreshSearchIndex } from '$lib/server/search/search.service';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Database } from '$lib/server/db/schema';
import { previewParticipantImport } from '$lib/server/participants/participant-import.service';
import {
	findParticipantPrint,
	findParticipantsPage
} from '$lib/server/participants/participant-read.service';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertEvent, insertOrganization, insertPerson } from '../helpers/factories';

/** An event with `people` participants on `sides` sides, each with an agenda role; returns its id. */
async function populate(db: Kysely<Database>, people: number, sides: number) {
	const now = new Date().toISOString();
	const organization = await insertOrganization(db);
	const event = await insertEvent(db);
	const delegations = [];
	for (let s = 0; s < sides; s++) {
		delegations.push(
			await db
				.insertInto('delegation')
				.values({ event_id: event.id, name: `Side ${s}`, position: s })
				.returning('id')
				.executeTakeFirstOrThrow()
		);
	}
	const item = await db
		.insertInto('agenda_item')
		.values({
			event_id: event.id,
			position: 1,
			kind: 'panel',
			title: 'Panel',
			created_at: now,
			updated_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	for (let i = 0; i < people; i++) {
		const person = await insertPerson(db, {
			given_name: `Given${i}`,
			family_name: `Family${i}`,
			organization_id: organization.id,
			heads_organization: i % 7 === 0 ? 1 : 0,
			precedence_level: i % 3 === 0 ? null : i % 5
		});
		const participant = await db
			.insertInto('event_participant')
			.values({
				event_id: event.id,
				person_id: person.id,
				role: i < sides ? 'head_of_delegation' : 'delegation_member',
				delegation_id: delegations[i % sides]!.id,
				rsvp_status: i % 2 === 0 ? 'invited' : 'accepted',
				precedence: i % 4 === 0 ? i : null,
				created_at: now,
				updated_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await db
			.insertInto('agenda_item_role')
			.values({ agenda_item_id: item.id, participant_id: participant.id, role: 'speaker', position: i })
			.execute();
	}
	return event.id;
}

describeEachEngine('what the participants pages cost', (engine) => {
	const sizes = [1, 10] as const;
	const handles: TestDatabase[] = [];
	const counters: { queries: number }[] = [];
	const events: number[] = [];

	beforeAll(async () => {
		for (const size of sizes) {
			const counter = { queries: 0 };
			const handle = await engine.open({ onQuery: () => counter.queries++ });
			events.push(await populate(handle.db, 12 * size, 2 * size));
			// The search index caught up, as the first search after the writes leaves it: what is counted is a
			// page's own queries, not that catching up (the people search reads through it).
			await refreshSearchIndex(handle.db);
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

	test('the officer page costs the same on ten times the participants', async () => {
		const pages: Awaited<ReturnType<typeof findParticipantsPage>>[] = [];
		const counts = await cost(async (db, eventId) =>
			pages.push(await findParticipantsPage(db, eventId, { page: { limit: 100 }, search: 'Family1' }))
		);
		expect(pages[1]!.participants.items).toHaveLength(100);
		expect(pages[1]!.total).toBe(120);
		expect(pages[1]!.delegations).toHaveLength(20);
		expect(pages[1]!.found.length).toBeGreaterThan(0);
		expect(counts[1]).toBe(counts[0]);
		// The page's own, and the people search's: whether the index is behind, one range of it per
		// spelling of the word, and the people found.
		expect(counts[0]).toBeLessThanOrEqual(10);
	});

	test('a later page of the list costs what the first does', async () => {
		const counts = await cost(async (db, eventId) => {
			const first = await findParticipantsPage(db, eventId, { page: { limit: 5 } });
			await findParticipantsPage(db, eventId, {
				page: { limit: 5, after: [first!.participants.items.at(-1)!.id] }
			});
		});
		expect(counts[1]).toBe(counts[0]);
	});

	test('the printed list and badges cost the same on ten times the participants', async () => {
		const prints: Awaited<ReturnType<typeof findParticipantPrint>>[] = [];
		const counts = await cost(async (db, eventId) => prints.push(await findParticipantPrint(db, eventId)));
		expect(prints[1]!.people).toHaveLength(120);
		expect(counts[1]).toBe(counts[0]);
		expect(counts[0]).toBeLessThanOrEqual(3);
	});

	test('previewing a CSV costs the same for ten times the rows', async () => {
		const csv = (rows: number) =>
			['given_name,family_name,organisation,email,delegation']
				.concat(
					Array.from({ length: rows }, (_, i) => `Given${i},Family${i},SMS,p${i}@example.org,Side ${i % 3}`)
				)
				.join('\n');
		const counts = await cost((db, eventId) =>
			previewParticipantImport(db, eventId, csv(db === handles[0]!.db ? 10 : 100))
		);
		expect(counts[1]).toBe(counts[0]);
	});
});
