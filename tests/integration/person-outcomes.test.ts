/**
 * The outcomes on a person's page, on both engines: the latest fifty they own (the last recorded), those
 * of the latest meetings first; how many they own, counted up to a thousand ("1000+" beyond); and the
 * outcome list filtered to theirs, where all of them are.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { listOutcomesPage } from '$lib/server/outcomes/outcome.service';
import { findPersonPage } from '$lib/server/people/person.service';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertEvent, insertOutcomes, insertPerson, stamps } from '../helpers/factories';

describeEachEngine("a person's outcomes", (engine) => {
	let handle: TestDatabase;
	beforeAll(async () => {
		handle = await engine.open();
	});
	afterAll(async () => {
		await handle?.cleanup();
	});

	test('the page lists the latest fifty, counts a few exactly and points to them all', async () => {
		const { db } = handle;
		const person = await insertPerson(db);
		const other = await insertPerson(db);
		const early = await insertEvent(db, {
			start_at: '2025-03-01T08:00:00.000Z',
			end_at: '2025-03-01T09:00:00.000Z'
		});
		const late = await insertEvent(db, {
			start_at: '2026-03-01T08:00:00.000Z',
			end_at: '2026-03-01T09:00:00.000Z'
		});
		const owned = (n: number, ownerId: number, eventId: number | null) =>
			Array.from({ length: n }, (_, i) => ({
				kind: 'action_point' as const,
				title: `Action ${i}`,
				owner_person_id: ownerId,
				event_id: eventId,
				...stamps()
			}));
		// Recorded in this order: 30 of the late meeting, 30 of the early one, then 3 of someone else.
		await insertOutcomes(db, [...owned(30, person.id, late.id), ...owned(30, person.id, early.id)]);
		await insertOutcomes(db, owned(3, other.id, late.id));
		const ids = (
			await db
				.selectFrom('outcome')
				.select('id')
				.where('owner_person_id', '=', person.id)
				.orderBy('id')
				.execute()
		).map((row) => row.id);

		const page = (await findPersonPage(db, person.id, { privateContacts: true }))!;
		expect(page.outcomes).toHaveLength(50);
		// The fifty last recorded (the first ten are not among them), the late meeting's first.
		const shown = page.outcomes.map((o) => o.id);
		expect(new Set(shown)).toEqual(new Set(ids.slice(10)));
		expect(page.outcomes.slice(0, 20).every((o) => o.event?.id === late.id)).toBe(true);
		expect(page.outcomes.slice(20).every((o) => o.event?.id === early.id)).toBe(true);
		expect(page.moreOutcomes).toBe(true);
		expect(page.outcomeCount).toBe(60);
		expect(page.outcomeCountMore).toBe(false);
		expect(page.outcomesHref).toBe(`/outcomes?person=${person.id}`);

		const list = await listOutcomesPage(db, { personId: person.id, page: { limit: 100 } });
		expect(list.items.map((o) => o.id)).toEqual([...ids].reverse());
	});

	test('a person owning more than a thousand outcomes: the count stops there', async () => {
		const { db } = handle;
		const person = await insertPerson(db);
		await insertOutcomes(
			db,
			Array.from({ length: 1005 }, (_, i) => ({
				kind: 'decision' as const,
				title: `Decision ${i}`,
				owner_person_id: person.id,
				...stamps()
			}))
		);
		const page = (await findPersonPage(db, person.id, { privateContacts: true }))!;
		expect(page.outcomes).toHaveLength(50);
		expect(page.outcomeCount).toBe(1000);
		expect(page.outcomeCountMore).toBe(true);
		expect(page.outcomeCountLimit).toBe(1000);
		expect(page.moreOutcomes).toBe(true);
	});

	test('someone owning no outcome: none listed, none counted', async () => {
		const person = await insertPerson(handle.db);
		const page = (await findPersonPage(handle.db, person.id, { privateContacts: true }))!;
		expect(page.outcomes).toEqual([]);
		expect(page.outcomeCount).toBe(0);
		expect(page.moreOutcomes).toBe(false);
	});
});
