/**
 * A meeting's one-page brief: the partner with its parents, both sides with the posts held on the
 * meeting's date, the last three meetings with the partner or any organisation above or below it, open
 * action points, agreements in force, projects running, the latest letter each way, and what was carried
 * to it; each section capped and saying what it left out. Both engines.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { findEventBrief } from '$lib/server/briefs/brief.service';
import type { Database } from '$lib/server/db/schema';
import { alignPostsAtEvents } from '$lib/server/people/person-position.service';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertAgreement, insertCorrespondence, insertProject } from '../helpers/factories';
import {
	addOutcome,
	hostEvent,
	meetingWith,
	partnerTree,
	sideWithHead,
	type PartnerTree
} from '../helpers/partner-world';

type Db = Kysely<Database>;

const TODAY = new Date('2026-03-01T09:00:00Z');
const stamps = () => ({ created_at: new Date().toISOString(), updated_at: new Date().toISOString() });

describeEachEngine('the one-page brief', (engine) => {
	let handle: TestDatabase;
	let db: Db;
	let o: PartnerTree;
	let meeting: number;
	let brief: NonNullable<Awaited<ReturnType<typeof findEventBrief>>>;

	beforeAll(async () => {
		handle = await engine.open();
		db = handle.db;
		o = await partnerTree(db);
		meeting = await meetingWith(
			db,
			o.sms,
			'2026-03-10T07:00:00Z',
			'Meeting of the Chief of the Service with the Regional Director',
			{ status: 'planned' }
		);
		const ours = await sideWithHead(
			db,
			meeting,
			{ name: 'State Migration Service', organizationId: o.sms, position: 0 },
			{ honorific: 'Mr', given: 'Vusal', family: 'Huseynov', position: 'Deputy Chief' }
		);
		await sideWithHead(
			db,
			meeting,
			{ name: 'IOM', organizationId: o.office, position: 1 },
			{ honorific: 'H.E. Mr', given: 'Manfred', family: 'Profazi', position: 'Regional Director' }
		);
		// His post on the meeting's date, and the one he holds now: the brief names the first.
		await db
			.insertInto('person_position')
			.values([
				{
					person_id: ours.personId,
					position: 'Chief of the State Migration Service',
					rank: 'II rank state migration service counselor',
					organization_id: o.sms,
					from_on: '2019-01-01',
					to_on: '2026-06-30',
					...stamps()
				},
				{
					person_id: ours.personId,
					position: 'Ambassador',
					rank: null,
					organization_id: o.sms,
					from_on: '2026-07-01',
					to_on: null,
					...stamps()
				}
			])
			.execute();
		await db.updateTable('person').set({ position: 'Ambassador' }).where('id', '=', ours.personId).execute();
		await alignPostsAtEvents(db, { eventIds: [meeting] });

		await db
			.insertInto('topic')
			.values({
				event_id: meeting,
				position: 1,
				title: 'The Regional Training Center on Migration',
				raised_by: 'our_side',
				talking_points: 'Thank IOM for its support; propose a second phase.',
				...stamps()
			})
			.execute();

		// Meetings: above (IOM itself), below (the Mission), the partner itself; older; elsewhere.
		const withIom = await meetingWith(db, o.iom, '2025-05-05T08:00:00Z', 'Council session of IOM');
		await meetingWith(db, o.mission, '2025-09-01T08:00:00Z', 'Working meeting with the Mission');
		const withOffice = await meetingWith(
			db,
			o.office,
			'2026-01-20T08:00:00Z',
			'Meeting with the Regional Office'
		);
		await addOutcome(db, {
			event_id: withOffice,
			kind: 'decision',
			title: 'Open a second phase of the Centre'
		});
		await addOutcome(db, { event_id: withOffice, kind: 'statement', title: 'Statement on the GCM' });
		await meetingWith(db, o.office, '2024-02-01T08:00:00Z', 'Older meeting with the Regional Office');
		await meetingWith(db, o.sibling, '2026-02-01T08:00:00Z', 'Meeting with the Middle East office');
		await meetingWith(db, o.unhcr, '2026-02-02T08:00:00Z', 'Meeting with UNHCR');
		await meetingWith(db, o.office, '2026-04-01T08:00:00Z', 'A later meeting', { status: 'planned' });

		// Action points: overdue with the partner; undated with the Mission; done; the sibling's; carried.
		await addOutcome(db, {
			event_id: withOffice,
			title: 'Send the draft curriculum',
			owner_organization_id: o.office,
			due_on: '2026-02-01'
		});
		await addOutcome(db, { title: 'Share the migration profile', due_on: null }, [o.mission]);
		await addOutcome(db, {
			event_id: withIom,
			title: 'Already done',
			status: 'done',
			owner_organization_id: o.iom
		});
		await addOutcome(db, { title: 'The sibling office’s task', owner_organization_id: o.sibling });
		const carried = await addOutcome(db, {
			event_id: withOffice,
			title: 'Agree the dates of the training',
			owner_organization_id: o.office,
			due_on: '2026-04-15'
		});
		await db
			.insertInto('outcome_follow_up')
			.values({ outcome_id: carried, event_id: meeting, note: 'To be settled in the room.' })
			.execute();

		await insertAgreement(
			db,
			{ title: 'Cooperation Agreement with IOM', signed_on: '2016-12-08', in_force_on: '2017-03-02' },
			[o.sms, o.iom]
		);
		await insertAgreement(db, { title: 'A signed agreement', signed_on: '2025-12-01' }, [o.sms, o.iom]);
		await insertProject(db, { title: 'Regional Training Center on Migration', state: 'ongoing' }, [
			o.mission
		]);
		await insertProject(db, { title: 'A completed project', state: 'completed' }, [o.office]);

		await insertCorrespondence(db, {
			subject: 'Older note from the Office',
			dated_on: '2025-11-01',
			direction: 'incoming',
			sender_organization_id: o.office,
			recipient_organization_id: o.sms
		});
		await insertCorrespondence(db, {
			subject: 'Invitation to the regional consultation',
			reference_number: 'RO/2026/114',
			dated_on: '2026-02-10',
			direction: 'incoming',
			sender_organization_id: o.office,
			recipient_organization_id: o.sms
		});
		await insertCorrespondence(db, {
			subject: 'Letter to the Director General',
			reference_number: '0451/13/21/26',
			dated_on: '2026-01-15',
			direction: 'outgoing',
			sender_organization_id: o.sms,
			recipient_organization_id: o.iom
		});
		await insertCorrespondence(db, {
			subject: 'Letter to UNHCR',
			dated_on: '2026-02-20',
			direction: 'outgoing',
			sender_organization_id: o.sms,
			recipient_organization_id: o.unhcr
		});

		brief = (await findEventBrief(db, meeting, TODAY))!;
	});
	afterAll(async () => handle?.cleanup());

	test('names the partner with its parents, the highest first', () => {
		expect(brief.partnerChain.map((p) => p.name)).toEqual([
			'International Organization for Migration',
			'IOM Regional Office for South-Eastern Europe, Eastern Europe and Central Asia'
		]);
		expect(brief.event.when).toBe('Tuesday 10 March 2026, 11:00–12:00');
		expect(brief.event.zone).toBe('Asia/Baku, UTC+4');
	});

	test('lists both sides with the post each held on the meeting’s date', () => {
		expect(brief.sides.map((s) => [s.name, s.members.map((m) => [m.name, m.position, m.rank])])).toEqual([
			[
				'State Migration Service',
				[
					[
						'Mr Vusal Huseynov',
						'Chief of the State Migration Service',
						'II rank state migration service counselor'
					]
				]
			],
			['IOM', [['H.E. Mr Manfred Profazi', 'Regional Director', null]]]
		]);
	});

	test('has the topics with their talking points', () => {
		expect(brief.topics.items.map((t) => [t.title, t.points])).toEqual([
			['The Regional Training Center on Migration', 'Thank IOM for its support; propose a second phase.']
		]);
	});

	test('the last three meetings with the partner, above or below it, and how many older ones it left out', () => {
		expect(brief.meetings.items.map((m) => [m.title, m.dateText])).toEqual([
			['Meeting with the Regional Office', '20 January 2026'],
			['Working meeting with the Mission', '1 September 2025'],
			['Council session of IOM', '5 May 2025']
		]);
		expect(brief.meetings.items[0]!.result).toBe('Open a second phase of the Centre (and 3 more)');
		expect(brief.meetings.left).toBe(1);
	});

	test('open action points with the partner, overdue marked, those carried here left to the follow-ups', () => {
		expect(brief.actionPoints.items.map((a) => [a.title, a.owner, a.overdueDays])).toEqual([
			[
				'Send the draft curriculum',
				'IOM Regional Office for South-Eastern Europe, Eastern Europe and Central Asia',
				28
			],
			['Share the migration profile', null, null]
		]);
		expect(brief.followUps.items.map((f) => [f.title, f.note, f.from])).toEqual([
			[
				'Agree the dates of the training',
				'To be settled in the room.',
				'Meeting with the Regional Office, 20 January 2026'
			]
		]);
	});

	test('agreements in force with their legal state, and projects running', () => {
		expect(brief.agreements.items.map((a) => [a.title, a.stateText])).toEqual([
			['Cooperation Agreement with IOM', 'In force since 2 March 2017']
		]);
		expect(brief.agreements.items.some((a) => /done/i.test(a.stateText))).toBe(false);
		expect(brief.projects.items.map((p) => p.title)).toEqual(['Regional Training Center on Migration']);
	});

	test('the latest letter each way, with its reference number and how many there are', () => {
		expect(brief.letters.incoming).toMatchObject({
			subject: 'Invitation to the regional consultation',
			reference: 'RO/2026/114',
			total: 2
		});
		expect(brief.letters.outgoing).toMatchObject({
			subject: 'Letter to the Director General',
			reference: '0451/13/21/26',
			total: 1
		});
	});

	test('a meeting without a partner side has a brief of its own sections only', async () => {
		const alone = await meetingWith(db, o.sms, '2026-05-01T08:00:00Z', 'Internal meeting');
		const own = (await findEventBrief(db, alone, TODAY))!;
		expect(own.partnerChain).toEqual([]);
		expect(own.meetings.items).toEqual([]);
		expect(await findEventBrief(db, 999_999, TODAY)).toBeNull();
	});

	test('a co-host is the partner when no side is another organisation’s', async () => {
		const hosted = await meetingWith(db, o.sms, '2026-05-02T08:00:00Z', 'Co-hosted meeting');
		await hostEvent(db, hosted, o.mission, 'co_host', 1);
		const own = (await findEventBrief(db, hosted, TODAY))!;
		expect(own.partnerChain.map((p) => p.name).at(-1)).toBe('IOM Mission to Azerbaijan');
	});
});
