/**
 * The programme of a visit on both engines: a two-day official visit planned with an arrival, two
 * meetings that are events of their own, a dinner for the head of delegation and a departure; bad input
 * refused beside its field with nothing written; each member's itinerary holding only what concerns
 * them; a meeting moved as an event moving in every itinerary and sending its updated invitations; the
 * programme reordered and trimmed; the member's feed carrying the logistics with their zone and changing
 * its ETag when an item changes; their personal link's view without the officers' notes; and the
 * delegation keeping its members from being deleted, while a merge keeps one row per visit.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadDemoData } from '$lib/server/demo/demo.service';
import { Conflict, RuleViolation } from '$lib/server/errors';
import { EventFormInput } from '$lib/server/events/event.input';
import { findEventForm } from '$lib/server/events/event-read.service';
import { moveEvent, reviseEvent } from '$lib/server/events/event.service';
import { createFeed, findFeedCalendar } from '$lib/server/feeds/feed.service';
import { sendInvitations } from '$lib/server/invitations/invitation.service';
import { deletePerson, mergePeople } from '$lib/server/people/person-merge.service';
import {
	ITEM_FORM,
	ItemInput,
	VISIT_FORM,
	VisitInput,
	type ItemFormValues,
	type VisitFormValues
} from '$lib/server/visits/visit.input';
import {
	addVisitItem,
	findItinerariesOfPerson,
	findItinerary,
	findItemForm,
	findVisitPage,
	getVisitList,
	moveVisitItem,
	planVisit,
	removeVisitItem,
	reviseVisitItem
} from '$lib/server/visits/visit.service';
import { officer } from '../helpers/actors';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertEvent, insertOrganization, insertPerson, stamps } from '../helpers/factories';

describeEachEngine('visits', (engine) => {
	let handle: TestDatabase;
	const ids = {
		iom: 0,
		sms: 0,
		swing: 0,
		deputy: 0,
		outsider: 0,
		president: 0,
		service: 0,
		arrival: 0,
		dinner: 0
	};
	let visitId: number;

	const visitForm = (values: Partial<VisitFormValues> = {}): VisitFormValues => ({
		...VISIT_FORM.empty(),
		title: 'Official visit of the IOM Director General',
		kind: 'official',
		organizationId: String(ids.iom),
		hostOrganizationId: String(ids.sms),
		memberIds: `${ids.swing},${ids.deputy}`,
		startsOn: '2026-12-14',
		endsOn: '2026-12-15',
		timeZone: 'Asia/Baku',
		timing: 'exact',
		notes: 'Officers only: the Director General prefers an aisle seat.',
		...values
	});
	const itemForm = (values: Partial<ItemFormValues>): ItemFormValues => ({
		...ITEM_FORM.empty(),
		timeZone: 'Asia/Baku',
		forEveryone: 'on',
		timing: 'exact',
		...values
	});
	const issues = (schema: typeof ItemInput | typeof VisitInput, values: Record<string, string>) =>
		Object.fromEntries(schema.safeParse(values).error?.issues.map((i) => [i.path[0], i.message]) ?? []);
	const add = (values: Partial<ItemFormValues>) =>
		addVisitItem(handle.db, officer, visitId, ItemInput.parse(itemForm(values)));
	const titlesByDay = (days: { date: string; items: { title: string }[] }[]) =>
		days.map((day) => [day.date, day.items.map((item) => item.title)]);
	const count = async (table: 'visit' | 'visit_item') =>
		Number(
			(
				await handle.db
					.selectFrom(table)
					.select((eb) => eb.fn.countAll().as('n'))
					.executeTakeFirstOrThrow()
			).n
		);
	const participate = (eventId: number, personId: number) =>
		handle.db
			.insertInto('event_participant')
			.values({ event_id: eventId, person_id: personId, role: 'speaker', ...stamps() })
			.execute();

	beforeAll(async () => {
		handle = await engine.open();
		const db = handle.db;
		ids.iom = (
			await insertOrganization(db, { name: 'International Organization for Migration', acronym: 'IOM' })
		).id;
		ids.sms = (await insertOrganization(db, { name: 'State Migration Service', acronym: 'SMS' })).id;
		ids.swing = (
			await insertPerson(db, {
				honorific: 'H.E. Mr',
				given_name: 'William Lacy',
				family_name: 'Swing',
				email: 'dg@iom.example'
			})
		).id;
		ids.deputy = (
			await insertPerson(db, {
				honorific: 'Ms',
				given_name: 'Laura',
				family_name: 'Thompson',
				email: 'ddg@iom.example'
			})
		).id;
		ids.outsider = (await insertPerson(db, { given_name: 'Someone', family_name: 'Else' })).id;
		ids.president = (
			await insertEvent(db, {
				title: 'Meeting with the President of the Republic',
				start_at: '2026-12-14T07:00:00.000Z',
				end_at: '2026-12-14T08:00:00.000Z',
				status: 'confirmed',
				online_url: 'https://meet.example/visit'
			})
		).id;
		ids.service = (
			await insertEvent(db, {
				title: 'Meeting with the State Migration Service',
				start_at: '2026-12-15T06:00:00.000Z',
				end_at: '2026-12-15T07:30:00.000Z',
				status: 'confirmed',
				online_url: 'https://meet.example/visit'
			})
		).id;
		await participate(ids.president, ids.swing);
		await participate(ids.service, ids.deputy);
	});
	afterAll(async () => {
		await handle?.cleanup();
	});

	test('a visit is refused beside its field, and nothing is written, for bad dates, zones and people', async () => {
		expect(issues(VisitInput, visitForm({ endsOn: '2026-12-13' }))).toEqual({
			endsOn: 'The last day cannot be before the first.'
		});
		expect(issues(VisitInput, visitForm({ timeZone: 'Geneva' }))).toEqual({
			timeZone: 'Choose a time zone from the list (an IANA name such as Asia/Baku).'
		});
		const gone = VisitInput.parse(visitForm({ memberIds: `${ids.swing},999999` }));
		const refusal = await planVisit(handle.db, officer, gone).catch((e: unknown) => e);
		expect(refusal).toBeInstanceOf(RuleViolation);
		expect((refusal as RuleViolation).fields).toEqual({ memberIds: 'Choose people from the list.' });
		expect(await count('visit')).toBe(0);
		visitId = await planVisit(handle.db, officer, VisitInput.parse(visitForm()));
	});

	test('an item is refused beside its field for an end before its start, an unknown zone, someone outside the delegation, or an event that is not there', async () => {
		expect(
			issues(
				ItemInput,
				itemForm({ kind: 'meal', title: 'Dinner', start: '2026-12-14T19:00', end: '2026-12-14T18:00' })
			)
		).toEqual({ end: 'The end cannot come before the start.' });
		expect(
			issues(
				ItemInput,
				itemForm({
					kind: 'meal',
					title: 'Dinner',
					start: '2026-12-14T19:00',
					end: '2026-12-14T21:00',
					timeZone: 'Mars/Olympus'
				})
			)
		).toEqual({ timeZone: 'Choose a time zone from the list (an IANA name such as Asia/Baku).' });
		const outsider = add({
			kind: 'meal',
			title: 'Dinner',
			start: '2026-12-14T19:00',
			end: '2026-12-14T21:00',
			forEveryone: '',
			personIds: String(ids.outsider)
		}).catch((e: unknown) => e);
		expect(((await outsider) as RuleViolation).fields).toEqual({
			personIds: 'Choose people of the visiting delegation only.'
		});
		const noEvent = await add({ kind: 'meeting', eventId: '999999' }).catch((e: unknown) => e);
		expect((noEvent as RuleViolation).fields).toEqual({
			eventId: 'There is no such event: choose one from the list.'
		});
		expect(await count('visit_item')).toBe(0);
	});

	test('a two-day programme is read day by day in the visit’s zone, each item where its start falls', async () => {
		// Added out of order on purpose: each goes where its start falls.
		await add({
			kind: 'departure',
			title: 'Departure',
			start: '2026-12-15T18:00',
			end: '2026-12-15T18:30',
			place: 'Heydar Aliyev International Airport',
			flight: 'TK 335',
			greeter: 'Deputy Chief of the Service'
		});
		ids.arrival = await add({
			kind: 'arrival',
			title: 'Arrival',
			start: '2026-12-14T08:30',
			end: '2026-12-14T09:00',
			place: 'Heydar Aliyev International Airport',
			flight: 'TK 334',
			greeter: 'Chief of the Protocol Service',
			vehicle: 'Mercedes S, plate 10-AB-123',
			driver: 'Elchin'
		});
		// A meeting's form has no choice of people: whom it concerns is who takes part in the event.
		await add({ kind: 'meeting', eventId: String(ids.president), forEveryone: '' });
		await add({ kind: 'meeting', eventId: String(ids.service), forEveryone: '' });
		ids.dinner = await add({
			kind: 'meal',
			title: 'Official dinner',
			start: '2026-12-14T19:00',
			end: '2026-12-14T21:00',
			place: 'Gulustan Palace',
			forEveryone: '',
			personIds: String(ids.swing)
		});
		const page = (await findVisitPage(handle.db, visitId))!;
		expect(titlesByDay(page.days)).toEqual([
			['2026-12-14', ['Arrival', 'Meeting with the President of the Republic', 'Official dinner']],
			['2026-12-15', ['Meeting with the State Migration Service', 'Departure']]
		]);
		const arrival = page.days[0]!.items[0]!;
		expect([arrival.time, arrival.place, arrival.details, arrival.concerns]).toEqual([
			'08:30–09:00',
			'Heydar Aliyev International Airport',
			[
				{ label: 'Flight', value: 'TK 334' },
				{ label: 'Greeted by', value: 'Chief of the Protocol Service' },
				{ label: 'Vehicle', value: 'Mercedes S, plate 10-AB-123' },
				{ label: 'Driver', value: 'Elchin' }
			],
			'Whole delegation'
		]);
		expect(page.days[0]!.items[1]!.time).toBe('11:00–12:00');
		expect(page.members.map((m) => [m.name, m.head])).toEqual([
			['H.E. Mr William Lacy Swing', true],
			['Ms Laura Thompson', false]
		]);
		const list = await getVisitList(handle.db, { limit: 10 });
		expect(list.visits.items.map((v) => [v.title, v.dates, v.delegation])).toEqual([
			[
				'Official visit of the IOM Director General',
				'14 December 2026 – 15 December 2026',
				'International Organization for Migration (IOM)'
			]
		]);
	});

	test('each member’s itinerary holds only what concerns them', async () => {
		const swing = (await findItinerary(handle.db, visitId, ids.swing))!;
		expect(titlesByDay(swing.days)).toEqual([
			['2026-12-14', ['Arrival', 'Meeting with the President of the Republic', 'Official dinner']],
			['2026-12-15', ['Departure']]
		]);
		const deputy = (await findItinerary(handle.db, visitId, ids.deputy))!;
		expect(titlesByDay(deputy.days)).toEqual([
			['2026-12-14', ['Arrival']],
			['2026-12-15', ['Meeting with the State Migration Service', 'Departure']]
		]);
		expect(await findItinerary(handle.db, visitId, ids.outsider)).toBeNull();
		const onLink = await findItinerariesOfPerson(handle.db, ids.swing);
		expect(onLink.map((i) => i.visit.title)).toEqual(['Official visit of the IOM Director General']);
		expect(JSON.stringify(onLink)).not.toContain('aisle seat');
		expect(JSON.stringify(onLink)).not.toContain('Thompson');
	});

	test('moving a meeting moves it in every itinerary and sends its updated invitations', async () => {
		const db = handle.db;
		await sendInvitations(db, officer, ids.service);
		const before = await db
			.selectFrom('outbox_message')
			.select('kind')
			.where('event_id', '=', ids.service)
			.execute();
		const form = (await findEventForm(db, ids.service))!;
		await moveEvent(db, officer, {
			eventId: ids.service,
			version: Number(form.values.version),
			startAt: '2026-12-15T11:00:00.000Z'
		});
		const deputy = (await findItinerary(db, visitId, ids.deputy))!;
		const meeting = deputy.days[1]!.items.find((item) => item.eventId === ids.service)!;
		expect(meeting.time).toBe('15:00–16:30');
		expect(titlesByDay(deputy.days)[1]).toEqual([
			'2026-12-15',
			['Meeting with the State Migration Service', 'Departure']
		]);
		const after = await db
			.selectFrom('outbox_message')
			.select(['kind', 'to_address'])
			.where('event_id', '=', ids.service)
			.execute();
		expect(after.slice(before.length)).toEqual([{ kind: 'update', to_address: 'ddg@iom.example' }]);
		// The edit form's save is the same path.
		const again = (await findEventForm(db, ids.service))!;
		const input = EventFormInput.parse({
			...again.values,
			start: '2026-12-15T10:00',
			end: '2026-12-15T11:30'
		});
		await reviseEvent(db, officer, ids.service, Number(again.values.version), input);
		const page = (await findVisitPage(db, visitId))!;
		expect(page.days[1]!.items[0]!.time).toBe('10:00–11:30');
	});

	test('the member’s feed carries their logistics with its zone, and its ETag moves when an item changes', async () => {
		const db = handle.db;
		const { token } = await createFeed(db, officer, { personId: ids.swing });
		const first = (await findFeedCalendar(db, token))!;
		expect(first.text).toContain('SUMMARY:Official dinner (Official visit of the IOM Director General)');
		expect(first.text).toContain('DTSTART;TZID=Asia/Baku:20261214T190000');
		expect(first.text).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Baku');
		expect(first.text).toContain('Flight: TK 334');
		const deputyFeed = await createFeed(db, officer, { personId: ids.deputy });
		expect((await findFeedCalendar(db, deputyFeed.token))!.text).not.toContain('Official dinner');
		await new Promise((resolve) => setTimeout(resolve, 20));
		const values = (await findItemForm(db, visitId, ids.dinner))!;
		await reviseVisitItem(
			db,
			officer,
			visitId,
			ids.dinner,
			Number(values.version),
			ItemInput.parse({ ...values, start: '2026-12-14T19:30', end: '2026-12-14T21:30' })
		);
		const second = (await findFeedCalendar(db, token, { condition: { ifNoneMatch: first.etag } }))!;
		expect(second.etag).not.toBe(first.etag);
		expect(second.text).toContain('DTSTART;TZID=Asia/Baku:20261214T193000');
	});

	test('the programme is reordered by Up and Down and trimmed by Remove', async () => {
		const db = handle.db;
		await moveVisitItem(db, officer, visitId, ids.dinner, 'up');
		let page = (await findVisitPage(db, visitId))!;
		expect(page.days[0]!.items.map((i) => i.title)).toEqual([
			'Arrival',
			'Official dinner',
			'Meeting with the President of the Republic'
		]);
		await moveVisitItem(db, officer, visitId, ids.arrival, 'up');
		await removeVisitItem(db, officer, visitId, ids.dinner);
		page = (await findVisitPage(db, visitId))!;
		expect(page.days[0]!.items.map((i) => i.title)).toEqual([
			'Arrival',
			'Meeting with the President of the Republic'
		]);
	});

	test('a member cannot be deleted, and merging two members keeps one row for the visit', async () => {
		const db = handle.db;
		const deputy = await db
			.selectFrom('person')
			.select('version')
			.where('id', '=', ids.deputy)
			.executeTakeFirstOrThrow();
		await expect(deletePerson(db, officer, ids.deputy, deputy.version)).rejects.toBeInstanceOf(Conflict);
		const [a, b] = await Promise.all(
			[ids.deputy, ids.swing].map((id) =>
				db.selectFrom('person').select('version').where('id', '=', id).executeTakeFirstOrThrow()
			)
		);
		const named = await add({
			kind: 'transfer',
			title: 'Transfer to the hotel',
			start: '2026-12-14T09:00',
			end: '2026-12-14T09:45',
			forEveryone: '',
			personIds: `${ids.swing},${ids.deputy}`
		});
		await mergePeople(db, officer, ids.deputy, {
			intoId: ids.swing,
			version: a!.version,
			intoVersion: b!.version
		});
		const members = await db
			.selectFrom('visit_member')
			.select('person_id')
			.where('visit_id', '=', visitId)
			.execute();
		expect(members).toEqual([{ person_id: ids.swing }]);
		const namedPeople = await db
			.selectFrom('visit_item_person')
			.select('person_id')
			.where('item_id', '=', named)
			.execute();
		expect(namedPeople).toEqual([{ person_id: ids.swing }]);
	});
});

describeEachEngine('the demo visit', (engine) => {
	let handle: TestDatabase;
	afterAll(async () => {
		await handle?.cleanup();
	});

	test('William Lacy Swing’s official visit has its programme from the seed, its dates marked as assumed', async () => {
		handle = await engine.open();
		await loadDemoData(handle.db);
		const list = await getVisitList(handle.db, { limit: 10 });
		expect(list.visits.items.map((v) => [v.title, v.kindLabel, v.dates, v.datesAssumed])).toEqual([
			[
				'Official visit of the Director General of IOM, Mr William Lacy Swing, to Azerbaijan',
				'Official visit',
				'16 January 2017',
				true
			]
		]);
		const page = (await findVisitPage(handle.db, list.visits.items[0]!.id))!;
		expect(page.members.map((m) => m.name)).toEqual(['Mr William Lacy Swing']);
		expect(page.days.map((day) => day.items.map((i) => [i.time, i.title, i.assumed]))).toEqual([
			[
				['08:00–08:30', 'Arrival of the Director General of IOM', 'Date assumed'],
				[
					'11:00–12:00',
					'Meeting of the President of the Republic of Azerbaijan, Mr Ilham Aliyev, with the Director General of IOM, Mr William Lacy Swing',
					'Date assumed'
				],
				[
					'15:00–16:00',
					'Meeting of the Chief of the State Migration Service, Mr Firudin Nabiyev, with the Director General of IOM, Mr William Lacy Swing',
					'Date assumed'
				],
				['18:00–18:30', 'Departure of the Director General of IOM', 'Date assumed']
			]
		]);
		const swing = page.members[0]!.id;
		const itinerary = (await findItinerary(handle.db, page.visit.id, swing))!;
		expect(itinerary.days[0]!.items).toHaveLength(4);
	});
});
