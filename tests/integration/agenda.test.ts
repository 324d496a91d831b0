/**
 * The agenda builder's domain, on both engines: items with durations and the clock times that follow
 * from them, reordering, removing, people on items (and how they become participants), optimistic
 * concurrency, the audit trail, the printed programme, and what its pages cost on ten times the data.
 */
import type { Kysely } from 'kysely';
import { refreshSearchIndex } from '$lib/server/search/search.service';
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import * as addAgendaItemDuration from '$db/migrations/20261124_2020_add_agenda_item_duration';
import { AGENDA_MAX_ITEMS, type AgendaItemInput } from '$lib/server/agenda/agenda.input';
import {
	addAgendaItem,
	assignToAgendaItem,
	findAgendaItemPage,
	findAgendaPage,
	findProgramme,
	moveAgendaItem,
	removeAgendaItem,
	reorderAgendaItems,
	retimeAgenda,
	unassignFromAgendaItem,
	updateAgendaItem
} from '$lib/server/agenda/agenda.service';
import type { Database, EventRow } from '$lib/server/db/schema';
import { NotFound, RuleViolation, StaleRecord } from '$lib/server/errors';
import { officer } from '../helpers/actors';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertEvent, insertOrganization, insertPerson } from '../helpers/factories';

/** International Migrants Day 2021: 10:00 in Baku (06:00 UTC) until 12:30. */
const IMD = {
	title: 'International Migrants Day 2021',
	kind: 'observance',
	start_at: '2021-12-17T06:00:00.000Z',
	end_at: '2021-12-17T08:30:00.000Z',
	time_zone: 'Asia/Baku'
} as const;

function item(
	title: string,
	durationMinutes: number | null,
	more: Partial<AgendaItemInput> = {}
): AgendaItemInput {
	return { kind: 'speech', title, durationMinutes, notes: null, published: true, ...more };
}

async function addAll(db: Kysely<Database>, eventId: number, items: [string, number | null][]) {
	const added = [];
	for (const [title, minutes] of items)
		added.push(await addAgendaItem(db, officer, eventId, item(title, minutes)));
	return added;
}

/** The programme as (title, start, end) in Baku wall-clock hours, in order. */
async function schedule(db: Kysely<Database>, eventId: number) {
	const rows = await db
		.selectFrom('agenda_item')
		.select(['title', 'position', 'start_at', 'end_at'])
		.where('event_id', '=', eventId)
		.orderBy('position')
		.execute();
	const baku = (instant: string | null) =>
		instant === null ? null : new Date(Date.parse(instant) + 4 * 3_600_000).toISOString().slice(11, 16);
	return rows.map((r) => [r.position, r.title, baku(r.start_at), baku(r.end_at)]);
}

async function auditActions(db: Kysely<Database>, eventId: number) {
	const rows = await db
		.selectFrom('audit_entry')
		.select(['action', 'event_id'])
		.where('event_id', '=', eventId)
		.orderBy('id')
		.execute();
	return rows.map((r) => r.action);
}

describeEachEngine('the agenda builder', (engine) => {
	let handle: TestDatabase;
	let db: Kysely<Database>;
	let event: EventRow;

	// One database for the file; each test works on an event of its own.
	beforeAll(async () => {
		handle = await engine.open();
		db = handle.db;
	});
	afterAll(async () => {
		await handle?.cleanup();
	});
	beforeEach(async () => {
		event = await insertEvent(db, IMD);
	});

	test('adding items gives each its clock times from the event start and the durations before it', async () => {
		await addAll(db, event.id, [
			['Welcoming address', 15],
			['Opening speech', 10],
			['Video message', 10]
		]);
		expect(await schedule(db, event.id)).toEqual([
			[1, 'Welcoming address', '10:00', '10:15'],
			[2, 'Opening speech', '10:15', '10:25'],
			[3, 'Video message', '10:25', '10:35']
		]);
	});

	test('a programme holds at most 500 items: the 501st is refused and nothing is added', async () => {
		const now = new Date().toISOString();
		const rows = Array.from({ length: AGENDA_MAX_ITEMS }, (_, i) => ({
			event_id: event.id,
			position: i + 1,
			kind: 'speech' as const,
			title: `Item ${i + 1}`,
			is_published: 1 as const,
			created_at: now,
			updated_at: now
		}));
		for (let i = 0; i < rows.length; i += 100) {
			await db
				.insertInto('agenda_item')
				.values(rows.slice(i, i + 100))
				.execute();
		}
		const refusal = await addAgendaItem(db, officer, event.id, item('One too many', 5)).catch(
			(e: unknown) => e
		);
		expect(refusal).toBeInstanceOf(RuleViolation);
		expect((refusal as RuleViolation).message).toContain('at most 500 items');
		const { n } = await db
			.selectFrom('agenda_item')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('event_id', '=', event.id)
			.executeTakeFirstOrThrow();
		expect(Number(n)).toBe(AGENDA_MAX_ITEMS);
		expect(await auditActions(db, event.id)).toEqual([]);
	});

	test('an item without a duration has no time and takes none from the items after it', async () => {
		await addAll(db, event.id, [
			['Welcoming address', 15],
			['Family photo', null],
			['Opening speech', 10]
		]);
		expect(await schedule(db, event.id)).toEqual([
			[1, 'Welcoming address', '10:00', '10:15'],
			[2, 'Family photo', null, null],
			[3, 'Opening speech', '10:15', '10:25']
		]);
	});

	test('an item without a duration keeps the times it was given', async () => {
		const [first] = await addAll(db, event.id, [['Welcoming address', 15]]);
		const now = new Date().toISOString();
		// As imported data has it: a start, no end, so no duration.
		await db
			.insertInto('agenda_item')
			.values({
				event_id: event.id,
				position: 2,
				kind: 'signing',
				title: 'Signing',
				start_at: '2021-12-17T08:00:00.000Z',
				created_at: now,
				updated_at: now
			})
			.execute();
		await addAll(db, event.id, [['Closing', 5]]);
		await moveAgendaItem(db, officer, first!.id, 'down');
		expect(await schedule(db, event.id)).toEqual([
			[1, 'Signing', '12:00', null],
			[2, 'Welcoming address', '10:00', '10:15'],
			[3, 'Closing', '10:15', '10:20']
		]);
	});

	test('reordering rewrites the positions and the clock times of every item', async () => {
		const [a, b, c] = await addAll(db, event.id, [
			['Welcoming address', 15],
			['Opening speech', 10],
			['Migration Profile of the Republic of Azerbaijan', 65]
		]);
		await reorderAgendaItems(db, officer, event.id, [c!.id, a!.id, b!.id]);
		expect(await schedule(db, event.id)).toEqual([
			[1, 'Migration Profile of the Republic of Azerbaijan', '10:00', '11:05'],
			[2, 'Welcoming address', '11:05', '11:20'],
			[3, 'Opening speech', '11:20', '11:30']
		]);
	});

	test('items added at the same moment by several officers line up one after another', async () => {
		const titles = Array.from({ length: 12 }, (_, i) => `Item ${i + 1}`);
		await Promise.all(titles.map((title) => addAgendaItem(db, officer, event.id, item(title, 5))));
		const rows = await schedule(db, event.id);
		expect(rows.map((r) => r[0])).toEqual(titles.map((_, i) => i + 1));
		// Contiguous: each starts five minutes after the one before it, the last at 10:55.
		expect(rows.map((r) => r[2])).toEqual(titles.map((_, i) => `10:${String(i * 5).padStart(2, '0')}`));
	});

	test('a new order naming an item of another event is refused and nothing changes', async () => {
		const [a, b] = await addAll(db, event.id, [
			['Welcoming address', 15],
			['Opening speech', 10]
		]);
		const other = await insertEvent(db, { title: 'Another event' });
		const [foreign] = await addAll(db, other.id, [['Elsewhere', 30]]);
		const before = await schedule(db, event.id);
		await expect(reorderAgendaItems(db, officer, event.id, [b!.id, foreign!.id])).rejects.toThrow(
			RuleViolation
		);
		await expect(reorderAgendaItems(db, officer, event.id, [b!.id, a!.id, foreign!.id])).rejects.toThrow(
			RuleViolation
		);
		expect(await schedule(db, event.id)).toEqual(before);
		expect(await auditActions(db, event.id)).not.toContain('agenda.reorder');
	});

	test('a new order that leaves an item out, or names one twice, is refused', async () => {
		const [a, b, c] = await addAll(db, event.id, [
			['Welcoming address', 15],
			['Opening speech', 10],
			['Closing', 5]
		]);
		const before = await schedule(db, event.id);
		await expect(reorderAgendaItems(db, officer, event.id, [c!.id, a!.id])).rejects.toThrow(RuleViolation);
		await expect(reorderAgendaItems(db, officer, event.id, [c!.id, a!.id, a!.id])).rejects.toThrow(
			RuleViolation
		);
		expect(await schedule(db, event.id)).toEqual(before);
		expect(b).toBeDefined();
	});

	test('moving an item up swaps it with the one before it; the first cannot go further up', async () => {
		const [a, b] = await addAll(db, event.id, [
			['Welcoming address', 15],
			['Opening speech', 10]
		]);
		await moveAgendaItem(db, officer, b!.id, 'up');
		expect(await schedule(db, event.id)).toEqual([
			[1, 'Opening speech', '10:00', '10:10'],
			[2, 'Welcoming address', '10:10', '10:25']
		]);
		await expect(moveAgendaItem(db, officer, b!.id, 'up')).rejects.toThrow(/first already/);
		await expect(moveAgendaItem(db, officer, a!.id, 'down')).rejects.toThrow(/last already/);
	});

	test('removing an item closes the gap: the items after it move up and start earlier', async () => {
		const [, b] = await addAll(db, event.id, [
			['Welcoming address', 15],
			['Opening speech', 10],
			['Video message', 10]
		]);
		await removeAgendaItem(db, officer, b!.id);
		expect(await schedule(db, event.id)).toEqual([
			[1, 'Welcoming address', '10:00', '10:15'],
			[2, 'Video message', '10:15', '10:25']
		]);
	});

	test('changing a duration moves the times of the items after it', async () => {
		const [a] = await addAll(db, event.id, [
			['Welcoming address', 15],
			['Opening speech', 10]
		]);
		await updateAgendaItem(db, officer, a!.id, { ...item('Welcoming address', 30), version: a!.version });
		expect(await schedule(db, event.id)).toEqual([
			[1, 'Welcoming address', '10:00', '10:30'],
			[2, 'Opening speech', '10:30', '10:40']
		]);
	});

	test('clearing a duration takes the item off the clock', async () => {
		const [a] = await addAll(db, event.id, [
			['Welcoming address', 15],
			['Opening speech', 10]
		]);
		await updateAgendaItem(db, officer, a!.id, { ...item('Welcoming address', null), version: a!.version });
		expect(await schedule(db, event.id)).toEqual([
			[1, 'Welcoming address', null, null],
			[2, 'Opening speech', '10:00', '10:10']
		]);
	});

	test('a save from a form opened before someone else saved is refused with their version, and changes nothing', async () => {
		const [a] = await addAll(db, event.id, [['Welcoming address', 15]]);
		await updateAgendaItem(db, officer, a!.id, { ...item('Welcome by the Chief', 15), version: a!.version });
		const stale = updateAgendaItem(db, officer, a!.id, {
			...item('Welcoming address, shortened', 5),
			version: a!.version
		});
		await expect(stale).rejects.toBeInstanceOf(StaleRecord);
		const error = (await stale.catch((e: unknown) => e)) as StaleRecord<{ title: string; version: number }>;
		expect(error.current.title).toBe('Welcome by the Chief');
		expect(error.current.version).toBe(2);
		expect(await schedule(db, event.id)).toEqual([[1, 'Welcome by the Chief', '10:00', '10:15']]);
	});

	test('reordering does not make an open edit form stale: positions and times are derived', async () => {
		const [a, b] = await addAll(db, event.id, [
			['Welcoming address', 15],
			['Opening speech', 10]
		]);
		await reorderAgendaItems(db, officer, event.id, [b!.id, a!.id]);
		const saved = await updateAgendaItem(db, officer, a!.id, {
			...item('Welcoming address', 20),
			version: a!.version
		});
		expect(saved.version).toBe(a!.version + 1);
		expect(saved.position).toBe(2);
	});

	test('naming someone who does not take part yet adds them as an invited speaker with their title of today', async () => {
		const iom = await insertOrganization(db, {
			name: 'International Organization for Migration',
			acronym: 'IOM',
			kind: 'international_organization'
		});
		const vitorino = await insertPerson(db, {
			honorific: 'H.E. Mr',
			given_name: 'António',
			family_name: 'Vitorino',
			position: 'Director General of the International Organization for Migration',
			rank: 'Under-Secretary-General',
			organization_id: iom.id
		});
		const [video] = await addAll(db, event.id, [['Video message on International Migrants Day', 10]]);
		const result = await assignToAgendaItem(db, officer, video!.id, vitorino.id, 'video_message');
		if (result.status !== 'assigned') throw new Error(`not assigned: ${result.status}`);
		expect(result.participantAdded).toBe(true);

		const participant = await db
			.selectFrom('event_participant')
			.selectAll()
			.where('id', '=', result.participantId)
			.executeTakeFirstOrThrow();
		expect(participant).toMatchObject({
			event_id: event.id,
			person_id: vitorino.id,
			role: 'speaker',
			rsvp_status: 'invited',
			position_at_event: 'Director General of the International Organization for Migration',
			rank_at_event: 'Under-Secretary-General',
			organization_id: iom.id
		});

		// He moves on; the programme of that event still names him as he was then.
		await db
			.updateTable('person')
			.set({ position: 'Former Director General', rank: null })
			.where('id', '=', vitorino.id)
			.execute();
		const page = await findAgendaPage(db, event.id);
		expect(page!.items[0]!.people).toEqual([
			expect.objectContaining({
				name: 'H.E. Mr António Vitorino',
				position: 'Director General of the International Organization for Migration',
				rank: 'Under-Secretary-General',
				role: 'video_message',
				roleLabel: 'Video message'
			})
		]);
	});

	test('naming a participant again on another item keeps their participation as it is', async () => {
		const person = await insertPerson(db, { position: 'Head of the International Relations Department' });
		const [a, b] = await addAll(db, event.id, [
			['Welcoming address', 15],
			['Closing', 5]
		]);
		const first = await assignToAgendaItem(db, officer, a!.id, person.id, 'speaker');
		const second = await assignToAgendaItem(db, officer, b!.id, person.id, 'chair');
		expect(first).toMatchObject({ status: 'assigned', participantAdded: true });
		expect(second).toEqual({
			status: 'assigned',
			participantId: first.status === 'assigned' ? first.participantId : -1,
			participantAdded: false
		});
		const count = await db
			.selectFrom('event_participant')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('event_id', '=', event.id)
			.executeTakeFirstOrThrow();
		expect(Number(count.n)).toBe(1);
	});

	test('naming someone twice in the same role on one item is refused; another role is fine', async () => {
		const person = await insertPerson(db);
		const [a] = await addAll(db, event.id, [['Panel', 45]]);
		await assignToAgendaItem(db, officer, a!.id, person.id, 'moderator');
		await expect(assignToAgendaItem(db, officer, a!.id, person.id, 'moderator')).rejects.toThrow(
			/moderator of this item already/
		);
		await assignToAgendaItem(db, officer, a!.id, person.id, 'speaker');
		const page = await findAgendaPage(db, event.id);
		expect(page!.items[0]!.people.map((p) => p.role)).toEqual(['moderator', 'speaker']);
	});

	test('naming someone booked at another event meanwhile warns and saves nothing, unless the officer goes ahead', async () => {
		const chief = await insertPerson(db, { given_name: 'Firudin', family_name: 'Nabiyev' });
		// The same morning in Geneva: 08:00–09:00 there is 07:00–08:00 UTC, 11:00–12:00 in Baku.
		const geneva = await insertEvent(db, {
			title: 'Meeting with the Director General of IOM',
			start_at: '2021-12-17T07:00:00.000Z',
			end_at: '2021-12-17T08:00:00.000Z',
			time_zone: 'Europe/Zurich'
		});
		const now = new Date().toISOString();
		await db
			.insertInto('event_participant')
			.values({
				event_id: geneva.id,
				person_id: chief.id,
				role: 'head_of_delegation',
				created_at: now,
				updated_at: now
			})
			.execute();
		const [a] = await addAll(db, event.id, [['Welcoming address', 15]]);

		const warned = await assignToAgendaItem(db, officer, a!.id, chief.id, 'speaker');
		expect(warned.status).toBe('clash');
		if (warned.status !== 'clash') return;
		expect(warned.clashes.map((c) => [c.event.title, c.event.timeZone, c.people.map((p) => p.name)])).toEqual(
			[['Meeting with the Director General of IOM', 'Europe/Zurich', ['Mr Firudin Nabiyev']]]
		);
		expect((await findAgendaPage(db, event.id))!.items[0]!.people).toEqual([]);
		expect(await auditActions(db, event.id)).not.toContain('participant.add');

		const named = await assignToAgendaItem(db, officer, a!.id, chief.id, 'speaker', { clashOverride: true });
		expect(named).toMatchObject({ status: 'assigned', participantAdded: true });
		const added = await db
			.selectFrom('audit_entry')
			.select('after_json')
			.where('event_id', '=', event.id)
			.where('action', '=', 'participant.add')
			.executeTakeFirstOrThrow();
		expect(JSON.parse(added.after_json!).clashOverridden).toEqual([geneva.id]);
	});

	test('naming someone who is not in the directory is refused beside the person field', async () => {
		const [a] = await addAll(db, event.id, [['Panel', 45]]);
		const refusal = await assignToAgendaItem(db, officer, a!.id, 999_999, 'speaker').catch((e: unknown) => e);
		expect(refusal).toBeInstanceOf(RuleViolation);
		expect((refusal as RuleViolation).fields).toHaveProperty('personId');
	});

	test('taking someone off an item keeps them a participant of the event', async () => {
		const person = await insertPerson(db);
		const [a] = await addAll(db, event.id, [['Panel', 45]]);
		await assignToAgendaItem(db, officer, a!.id, person.id, 'speaker');
		await unassignFromAgendaItem(db, officer, a!.id, person.id, 'speaker');
		expect((await findAgendaPage(db, event.id))!.items[0]!.people).toEqual([]);
		const participant = await db
			.selectFrom('event_participant')
			.select('person_id')
			.where('event_id', '=', event.id)
			.executeTakeFirst();
		expect(participant?.person_id).toBe(person.id);
		await expect(unassignFromAgendaItem(db, officer, a!.id, person.id, 'speaker')).rejects.toThrow(NotFound);
	});

	test('an item is not found under another event than its own', async () => {
		const [a] = await addAll(db, event.id, [['Panel', 45]]);
		const other = await insertEvent(db, { title: 'Another event' });
		await expect(moveAgendaItem(db, officer, a!.id, 'up', other.id)).rejects.toThrow(NotFound);
		await expect(
			assignToAgendaItem(db, officer, a!.id, 999_999, 'speaker', { eventId: other.id })
		).rejects.toThrow(NotFound);
		await expect(removeAgendaItem(db, officer, a!.id, other.id)).rejects.toThrow(NotFound);
		expect(await findAgendaItemPage(db, other.id, a!.id)).toBeNull();
		expect(await schedule(db, event.id)).toHaveLength(1);
	});

	test('every write leaves its audit entry under the event', async () => {
		const person = await insertPerson(db);
		const [a, b] = await addAll(db, event.id, [
			['Welcoming address', 15],
			['Opening speech', 10]
		]);
		await updateAgendaItem(db, officer, a!.id, { ...item('Welcome', 15), version: a!.version });
		await moveAgendaItem(db, officer, b!.id, 'up');
		await reorderAgendaItems(db, officer, event.id, [a!.id, b!.id]);
		await assignToAgendaItem(db, officer, a!.id, person.id, 'speaker');
		await unassignFromAgendaItem(db, officer, a!.id, person.id, 'speaker');
		await removeAgendaItem(db, officer, b!.id);
		expect(await auditActions(db, event.id)).toEqual([
			'agenda_item.add',
			'agenda_item.add',
			'agenda_item.update',
			'agenda_item.move_up',
			'agenda.reorder',
			'participant.add',
			'agenda_item.assign',
			'agenda_item.unassign',
			'agenda_item.remove'
		]);
		const reorder = await db
			.selectFrom('audit_entry')
			.select(['actor_label', 'before_json', 'after_json'])
			.where('action', '=', 'agenda.reorder')
			.where('event_id', '=', event.id)
			.executeTakeFirstOrThrow();
		expect(reorder.actor_label).toBe('officer@protokol.test');
		expect(JSON.parse(reorder.before_json!)).toEqual({
			order: [`${b!.id} Opening speech`, `${a!.id} Welcome`]
		});
		expect(JSON.parse(reorder.after_json!)).toEqual({
			order: [`${a!.id} Welcome`, `${b!.id} Opening speech`]
		});
	});

	test('a write that fails leaves neither the change nor its audit entry', async () => {
		const [a] = await addAll(db, event.id, [['Welcoming address', 15]]);
		const before = await auditActions(db, event.id);
		await expect(moveAgendaItem(db, officer, a!.id, 'up')).rejects.toThrow(RuleViolation);
		expect(await auditActions(db, event.id)).toEqual(before);
	});

	test('when the event starts later, retiming moves the whole programme with it', async () => {
		await addAll(db, event.id, [
			['Welcoming address', 15],
			['Opening speech', 10]
		]);
		await db
			.updateTable('event')
			.set({ start_at: '2021-12-17T07:00:00.000Z' })
			.where('id', '=', event.id)
			.execute();
		await db.transaction().execute((tx) => retimeAgenda(tx, event.id));
		expect(await schedule(db, event.id)).toEqual([
			[1, 'Welcoming address', '11:00', '11:15'],
			[2, 'Opening speech', '11:15', '11:25']
		]);
	});

	test('the agenda page says when the timed items run past the event’s end', async () => {
		await addAll(db, event.id, [['Welcoming address', 120]]);
		expect((await findAgendaPage(db, event.id))!.overruns).toBe(false);
		await addAll(db, event.id, [['Long speech', 45]]);
		const page = await findAgendaPage(db, event.id);
		expect(page!.overruns).toBe(true);
		expect(page!.clockEnd).toBe('2021-12-17T08:45:00.000Z');
	});

	test('the printed programme shows only the published items, in order, with their people', async () => {
		const person = await insertPerson(db, { honorific: 'Mr', given_name: 'Vusal', family_name: 'Huseynov' });
		const [a] = await addAll(db, event.id, [['Welcoming address', 15]]);
		await addAgendaItem(db, officer, event.id, item('Rehearsal', 20, { published: false }));
		await addAll(db, event.id, [['Closing', 5]]);
		await assignToAgendaItem(db, officer, a!.id, person.id, 'speaker');
		const programme = await findProgramme(db, event.id);
		expect(programme!.items.map((i) => i.title)).toEqual(['Welcoming address', 'Closing']);
		expect(programme!.items[0]!.people.map((p) => p.name)).toEqual(['Mr Vusal Huseynov']);
		// The unpublished item still takes its time: the closing starts after it.
		expect(programme!.items[1]!.startAt).toBe('2021-12-17T06:35:00.000Z');
	});

	test('the item page finds people by the start of any word of their name, in any script', async () => {
		await insertPerson(db, { given_name: 'Elnur', family_name: 'Findable', native_name: 'Элнур Финдабил' });
		await insertPerson(db, { given_name: 'Vusal', family_name: 'Huseynov' });
		const [a] = await addAll(db, event.id, [['Panel', 45]]);
		const page = await findAgendaItemPage(db, event.id, a!.id, ['elnur', 'findab']);
		expect(page!.found.map((p) => p.label)).toEqual(['Mr Elnur Findable']);
		const native = await findAgendaItemPage(db, event.id, a!.id, ['финд']);
		expect(native!.found.map((p) => p.label)).toEqual(['Mr Elnur Findable']);
		// A part inside a word is not a start: the index is read by the words' beginnings.
		const inside = await findAgendaItemPage(db, event.id, a!.id, ['ndab']);
		expect(inside!.found).toEqual([]);
		const wildcard = await findAgendaItemPage(db, event.id, a!.id, ['%']);
		expect(wildcard!.found).toEqual([]);
	});
});

describeEachEngine('the duration migration', (engine) => {
	let handle: TestDatabase;
	beforeEach(async () => {
		handle = await engine.open();
	});
	afterEach(async () => {
		await handle.cleanup();
	});

	test('fills in the duration of items that have a start and an end, and only those', async () => {
		const { db } = handle;
		const event = await insertEvent(db, IMD);
		await addAgendaItemDuration.down(db);
		const now = new Date().toISOString();
		const row = (title: string, start: string | null, end: string | null, position: number) => ({
			event_id: event.id,
			position,
			kind: 'speech' as const,
			title,
			start_at: start,
			end_at: end,
			created_at: now,
			updated_at: now
		});
		await db
			.insertInto('agenda_item')
			.values([
				row('Welcoming address', '2021-12-17T06:00:00.000Z', '2021-12-17T06:15:00.000Z', 1),
				row('Migration Profile', '2021-12-17T07:25:00.000Z', '2021-12-17T08:30:00.000Z', 2),
				row('Signing', '2021-12-17T08:30:00.000Z', null, 3),
				row('Family photo', '2021-12-17T08:30:00.000Z', '2021-12-17T08:30:00.000Z', 4),
				row('Reception', null, null, 5)
			])
			.execute();
		await addAgendaItemDuration.up(db);
		const rows = await db
			.selectFrom('agenda_item')
			.select(['title', 'duration_minutes'])
			.orderBy('position')
			.execute();
		expect(rows).toEqual([
			{ title: 'Welcoming address', duration_minutes: 15 },
			{ title: 'Migration Profile', duration_minutes: 65 },
			{ title: 'Signing', duration_minutes: null },
			{ title: 'Family photo', duration_minutes: null },
			{ title: 'Reception', duration_minutes: null }
		]);
	});

	test('refuses a duration that is not positive', async () => {
		const event = await insertEvent(handle.db, IMD);
		const now = new Date().toISOString();
		await expect(
			handle.db
				.insertInto('agenda_item')
				.values({
					event_id: event.id,
					position: 1,
					kind: 'speech',
					title: 'Nothing',
					duration_minutes: 0,
					created_at: now,
					updated_at: now
				})
				.execute()
		).rejects.toThrow(/check/i);
	});
});

/** `events` events, each with `perEvent` items, each item with a speaker who takes part. */
async function populate(db: Kysely<Database>, events: number, perEvent: number) {
	const now = new Date().toISOString();
	const stamps = { created_at: now, updated_at: now };
	const host = await insertOrganization(db);
	const people = [];
	for (let i = 0; i < perEvent; i++) {
		people.push(await insertPerson(db, { given_name: `Given${i}`, family_name: `Family${i}` }));
	}
	let first = 0;
	let firstItem = 0;
	for (let e = 0; e < events; e++) {
		const start = new Date(Date.UTC(2021, 0, 1 + e, 6));
		const event = await insertEvent(db, {
			title: `Event ${e}`,
			start_at: start.toISOString(),
			end_at: new Date(start.getTime() + 8 * 3_600_000).toISOString()
		});
		if (e === 0) first = event.id;
		await db
			.insertInto('event_organization')
			.values({ event_id: event.id, organization_id: host.id, role: 'host', position: 0 })
			.execute();
		for (const [i, person] of people.entries()) {
			const participant = await db
				.insertInto('event_participant')
				.values({
					event_id: event.id,
					person_id: person.id,
					role: 'speaker',
					organization_id: host.id,
					...stamps
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			const added = await db
				.insertInto('agenda_item')
				.values({
					event_id: event.id,
					position: i + 1,
					kind: 'speech',
					title: `Speech ${i}`,
					duration_minutes: 10,
					...stamps
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			if (e === 0 && i === 0) firstItem = added.id;
			await db
				.insertInto('agenda_item_role')
				.values({ agenda_item_id: added.id, participant_id: participant.id, role: 'speaker' })
				.execute();
		}
	}
	return { first, firstItem };
}

describeEachEngine('what the agenda pages cost', (engine) => {
	const handles: TestDatabase[] = [];
	const counters: { queries: number }[] = [];
	const firsts: { first: number; firstItem: number }[] = [];

	beforeAll(async () => {
		for (const size of [1, 10]) {
			const counter = { queries: 0 };
			const handle = await engine.open({ onQuery: () => counter.queries++ });
			firsts.push(await populate(handle.db, 3 * size, 3 * size));
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

	async function cost(run: (db: Kysely<Database>, index: number) => Promise<unknown>) {
		const counts: number[] = [];
		for (const [index, handle] of handles.entries()) {
			counters[index]!.queries = 0;
			await run(handle.db, index);
			counts.push(counters[index]!.queries);
		}
		return counts;
	}

	test('the agenda page costs the same on ten times the data', async () => {
		const pages: Awaited<ReturnType<typeof findAgendaPage>>[] = [];
		const counts = await cost(async (db, i) => pages.push(await findAgendaPage(db, firsts[i]!.first)));
		expect(pages[1]!.items).toHaveLength(30);
		expect(pages[1]!.items.every((i) => i.people.length === 1)).toBe(true);
		expect(counts[1]).toBe(counts[0]);
		// The event, its items and roles, and the action points carried to it (with their parties and
		// follow-ups when there are any).
		expect(counts[0]).toBeLessThanOrEqual(6);
	});

	test('an item’s page costs the same on ten times the data', async () => {
		const counts = await cost((db, i) =>
			findAgendaItemPage(db, firsts[i]!.first, firsts[i]!.firstItem, ['family'])
		);
		expect(counts[1]).toBe(counts[0]);
		// Four of the page's own, and the people search's: whether the index is behind, one range of it per
		// spelling of the word, and the people found.
		expect(counts[0]).toBeLessThanOrEqual(8);
	});

	test('the programme costs the same on ten times the data', async () => {
		const counts = await cost((db, i) => findProgramme(db, firsts[i]!.first));
		expect(counts[1]).toBe(counts[0]);
		expect(counts[0]).toBeLessThanOrEqual(4);
	});
});
