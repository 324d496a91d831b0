/**
 * An action point's thread across meetings: carried to a later meeting (one, or all those a new
 * meeting offers), listed there on the agenda page and the brief, shown on the outcome page from where
 * it was agreed to its closing, what was said noted with a version check; every write audited, refused
 * to a viewer and for what cannot be carried. Both engines.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { findAgendaPage } from '$lib/server/agenda/agenda.service';
import type { Actor } from '$lib/server/audit/audit';
import { findEventBrief } from '$lib/server/briefs/brief.service';
import type { Database } from '$lib/server/db/schema';
import { Forbidden, RuleViolation, StaleRecord } from '$lib/server/errors';
import { findDuplicateForm, findEventPage } from '$lib/server/events/event-read.service';
import { EventFormInput } from '$lib/server/events/event.input';
import { duplicateEvent } from '$lib/server/events/event.service';
import { listActionPointsToCarryOver } from '$lib/server/outcomes/outcome-thread.repository';
import {
	CARRY_COUNT_LIMIT,
	CARRY_OFFER_LIMIT,
	carryActionPoints,
	listCarryOffers,
	noteFollowUp
} from '$lib/server/outcomes/outcome-thread.service';
import { findOutcomePage, setOutcomeStatus } from '$lib/server/outcomes/outcome.service';
import { refreshDossiers } from '$lib/server/dossier/dossier.service';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertOrganization, insertOutcomes, stamps } from '../helpers/factories';
import { addOutcome, hostEvent, meetingWith, partnerTree, type PartnerTree } from '../helpers/partner-world';

type Db = Kysely<Database>;

const officer: Actor = { userId: null, label: 'officer@protokol.test', role: 'officer' };
const viewer: Actor = { userId: null, label: 'viewer@protokol.test', role: 'viewer' };
const NOW = new Date('2026-03-01T09:00:00Z');

describeEachEngine('threads across meetings', (engine) => {
	let handle: TestDatabase;
	let db: Db;
	let o: PartnerTree;
	let agreedAt: number;
	let later: number;
	let first: number;
	let second: number;

	const audited = (action: string) =>
		db
			.selectFrom('audit_entry')
			.select(['entity_id', 'event_id'])
			.where('action', '=', action)
			.orderBy('id')
			.execute();
	const carriedTo = (eventId: number) =>
		db.selectFrom('outcome_follow_up').select('outcome_id').where('event_id', '=', eventId).execute();

	beforeAll(async () => {
		handle = await engine.open();
		db = handle.db;
		o = await partnerTree(db);
		agreedAt = await meetingWith(db, o.sms, '2025-05-05T07:00:00Z', 'Meeting with the Regional Office', {
			online_url: 'https://meet.example.org/iom'
		});
		await hostEvent(db, agreedAt, o.office, 'co_host', 1);
		first = await addOutcome(db, {
			event_id: agreedAt,
			title: 'Send the draft curriculum',
			owner_organization_id: o.office,
			due_on: '2026-02-01'
		});
		second = await addOutcome(db, { event_id: agreedAt, title: 'Share the migration profile' }, [o.mission]);
		later = await meetingWith(db, o.sms, '2026-03-10T07:00:00Z', 'Next meeting with the Regional Office', {
			status: 'planned'
		});
	});
	afterAll(async () => handle?.cleanup());

	test('a viewer may not carry an action point, and nothing is written', async () => {
		await expect(carryActionPoints(db, viewer, later, [first])).rejects.toBeInstanceOf(Forbidden);
		await expect(
			noteFollowUp(db, viewer, first, { eventId: later, note: 'x', version: 1 })
		).rejects.toBeInstanceOf(Forbidden);
		expect(await carriedTo(later)).toEqual([]);
	});

	test('carried to a later meeting, it is on that meeting’s agenda page and brief, and in its thread', async () => {
		await carryActionPoints(db, officer, later, [first], NOW);
		const agenda = (await findAgendaPage(db, later))!;
		expect(agenda.followUps.map((f) => f.title)).toEqual(['Send the draft curriculum']);
		const brief = (await findEventBrief(db, later, NOW))!;
		expect(brief.followUps.items.map((f) => f.title)).toEqual(['Send the draft curriculum']);
		const page = (await findOutcomePage(db, first))!;
		expect(page.event?.title).toBe('Meeting with the Regional Office');
		expect(page.followUps.map((f) => [f.title, f.note, f.carriedAt])).toEqual([
			['Next meeting with the Regional Office', null, NOW.toISOString()]
		]);
		expect(await audited('outcome.carry')).toEqual([{ entity_id: first, event_id: later }]);
	});

	test('what cannot be carried is refused with nothing written', async () => {
		const before = await carriedTo(later);
		// Already there.
		await expect(carryActionPoints(db, officer, later, [first, second])).rejects.toBeInstanceOf(
			RuleViolation
		);
		// To the meeting where it was agreed, or an earlier one.
		const earlier = await meetingWith(db, o.sms, '2025-01-01T07:00:00Z', 'An earlier meeting');
		await expect(carryActionPoints(db, officer, earlier, [second])).rejects.toBeInstanceOf(RuleViolation);
		await expect(carryActionPoints(db, officer, agreedAt, [second])).rejects.toBeInstanceOf(RuleViolation);
		// A decision is not carried; nor is a done action point; nor to a cancelled meeting.
		const decision = await addOutcome(db, { event_id: agreedAt, kind: 'decision', title: 'A decision' });
		await expect(carryActionPoints(db, officer, later, [decision])).rejects.toBeInstanceOf(RuleViolation);
		const done = await addOutcome(db, { event_id: agreedAt, title: 'Done already', status: 'done' });
		await expect(carryActionPoints(db, officer, later, [done])).rejects.toBeInstanceOf(RuleViolation);
		const cancelled = await meetingWith(db, o.sms, '2026-06-01T07:00:00Z', 'Called off', {
			status: 'cancelled'
		});
		await expect(carryActionPoints(db, officer, cancelled, [second])).rejects.toBeInstanceOf(RuleViolation);
		expect(await carriedTo(later)).toEqual(before);
		expect(await carriedTo(cancelled)).toEqual([]);
		expect(await audited('outcome.carry')).toHaveLength(1);
	});

	test('what was said is noted after the meeting, a stale save refused with theirs', async () => {
		await noteFollowUp(db, officer, first, {
			eventId: later,
			note: 'IOM will send it in April.',
			version: 1
		});
		const stale = await noteFollowUp(db, officer, first, { eventId: later, note: 'Mine', version: 1 }).catch(
			(e: unknown) => e
		);
		expect(stale).toBeInstanceOf(StaleRecord);
		expect((stale as StaleRecord<{ note: string }>).current.note).toBe('IOM will send it in April.');
		const page = (await findOutcomePage(db, first))!;
		expect(page.followUps.map((f) => [f.note, f.version])).toEqual([['IOM will send it in April.', 2]]);
		expect(await audited('outcome.follow_up_note')).toEqual([{ entity_id: first, event_id: later }]);
		const brief = (await findEventBrief(db, later, NOW))!;
		expect(brief.followUps.items[0]!.note).toBe('IOM will send it in April.');
	});

	test('a duplicated meeting with the partner offers its open action points, one by one or all', async () => {
		const form = (await findDuplicateForm(db, agreedAt))!;
		const input = EventFormInput.parse(form.values);
		const saved = await duplicateEvent(db, officer, agreedAt, input, { now: NOW });
		if (!saved.saved) throw new Error('held back by clashes');
		const offered = async () =>
			(await findEventPage(db, saved.eventId, { carryOffers: true, now: NOW }))!.carryOffers.items.map(
				(i) => i.title
			);
		expect(await offered()).toEqual(['Send the draft curriculum', 'Share the migration profile']);
		// Not offered to a reader, nor on a meeting that is over.
		expect((await findEventPage(db, saved.eventId))!.carryOffers.items).toEqual([]);
		expect(
			(await findEventPage(db, saved.eventId, { carryOffers: true, now: new Date('2027-01-01') }))!
				.carryOffers.items
		).toEqual([]);

		await carryActionPoints(db, officer, saved.eventId, [first, second], NOW);
		expect(await offered()).toEqual([]);
		expect((await findAgendaPage(db, saved.eventId))!.followUps.map((f) => f.title)).toEqual([
			'Send the draft curriculum',
			'Share the migration profile'
		]);
		expect((await audited('outcome.carry')).filter((a) => a.event_id === saved.eventId)).toHaveLength(2);
	});

	test('the thread closes when the action point is done, and a closed one is not offered', async () => {
		const version = (await findOutcomePage(db, second))!.version;
		await setOutcomeStatus(db, officer, second, version, {
			status: 'done',
			note: 'Adjusted and sent to the Network.'
		});
		const page = (await findOutcomePage(db, second))!;
		expect(page.statusLabel).toBe('Done');
		expect(page.followUps.length).toBe(1);
		const another = await meetingWith(db, o.sms, '2026-09-01T07:00:00Z', 'Autumn meeting', {
			status: 'planned'
		});
		await hostEvent(db, another, o.office, 'co_host', 1);
		const offers = (await findEventPage(db, another, { carryOffers: true, now: NOW }))!.carryOffers.items;
		expect(offers.map((i) => i.title)).toEqual(['Send the draft curriculum']);
	});
});

describeEachEngine('a meeting whose hosts hold many action points', (engine) => {
	let handle: TestDatabase;
	let db: Db;
	let meeting: { id: number; start_at: string; status: string };
	let hostIds: number[];

	beforeAll(async () => {
		handle = await engine.open();
		db = handle.db;
		const host = await insertOrganization(db, { name: 'International Organization for Migration' });
		const below = await insertOrganization(db, { name: 'IOM Mission to Azerbaijan', parent_id: host.id });
		const coHost = await insertOrganization(db, { name: 'State Migration Service' });
		const unrelated = await insertOrganization(db, { name: 'UN Refugee Agency' });
		const earlier = await meetingWith(db, host.id, '2026-01-10T07:00:00Z', 'Winter meeting');
		const next = await meetingWith(db, host.id, '2026-04-01T07:00:00Z', 'Spring meeting', {
			status: 'planned'
		});
		await hostEvent(db, next, coHost.id, 'co_host', 1);
		const afterNext = await meetingWith(db, host.id, '2026-05-01T07:00:00Z', 'May meeting', {
			status: 'planned'
		});
		// Action points of every status, some undated, agreed at no meeting, before the next one or after it,
		// with its host, one below it, its co-host or someone else; some decisions among them.
		const owners = [host.id, below.id, coHost.id, unrelated.id];
		const statuses = ['open', 'in_progress', 'done', 'dropped'] as const;
		await insertOutcomes(
			db,
			Array.from({ length: 600 }, (_, n) => ({
				kind: n % 9 === 0 ? ('decision' as const) : ('action_point' as const),
				title: `Outcome ${n}`,
				event_id: n % 5 === 0 ? null : n % 5 === 1 ? afterNext : earlier,
				due_on:
					n % 11 === 0 ? null : new Date(Date.UTC(2026, 0, 1 + ((n * 37) % 200))).toISOString().slice(0, 10),
				status: statuses[Math.floor(n / 4) % 4]!,
				owner_organization_id: owners[n % 4]!,
				...stamps()
			}))
		);
		const outcomes = await db.selectFrom('outcome').select('id').orderBy('id').execute();
		// In two hosts' dossiers at once, and carried to the next meeting already.
		await db
			.insertInto('outcome_party')
			.values(
				outcomes.filter((_, n) => n % 6 === 0).map((o) => ({ outcome_id: o.id, organization_id: coHost.id }))
			)
			.execute();
		await db
			.insertInto('outcome_follow_up')
			.values(outcomes.filter((_, n) => n % 17 === 2).map((o) => ({ outcome_id: o.id, event_id: next })))
			.execute();
		meeting = (await db
			.selectFrom('event')
			.select(['id', 'start_at', 'status'])
			.where('id', '=', next)
			.executeTakeFirstOrThrow())!;
		hostIds = [host.id, coHost.id];
		await refreshDossiers(db);
	});
	afterAll(async () => handle?.cleanup());

	test('read in order along their index or from the dossiers and sorted, they are the same action points', async () => {
		const read = (inOrder: boolean, limit: number) =>
			listActionPointsToCarryOver(db, meeting, hostIds, { limit, inOrder });
		const sorted = await read(false, 1000);
		expect(sorted.length).toBeGreaterThan(CARRY_COUNT_LIMIT);
		expect(new Set(sorted.map((row) => row.id)).size).toBe(sorted.length);
		expect(await read(true, 1000)).toEqual(sorted);
		expect(await read(true, CARRY_COUNT_LIMIT + 1)).toEqual(sorted.slice(0, CARRY_COUNT_LIMIT + 1));
		expect(await read(false, CARRY_COUNT_LIMIT + 1)).toEqual(sorted.slice(0, CARRY_COUNT_LIMIT + 1));
	});

	test('the page offers the first of them and counts the rest up to a limit', async () => {
		const sorted = await listActionPointsToCarryOver(db, meeting, hostIds, { limit: 1000, inOrder: false });
		const offers = await listCarryOffers(db, meeting, NOW);
		expect(offers.items.map((item) => item.id)).toEqual(
			sorted.slice(0, CARRY_OFFER_LIMIT).map((row) => row.id)
		);
		expect(offers).toMatchObject({ left: CARRY_COUNT_LIMIT - CARRY_OFFER_LIMIT, more: true });
	});
});
