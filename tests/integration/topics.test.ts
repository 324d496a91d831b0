/**
 * A meeting's topics, on both engines: their order and moves, editing with a stale form refused, the
 * earlier outcomes and letters a topic continues, what was said, and a topic turned in one step into an
 * action point (owner, partner and due date from the meeting) or a draft agreement that links back to
 * it; the audit trail; a viewer refused.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { findAgreementPage } from '$lib/server/agreements/agreement.service';
import { loadDemoData } from '$lib/server/demo/demo.service';
import type { Actor } from '$lib/server/audit/audit';
import type { Database, EventRow, Organization, Person } from '$lib/server/db/schema';
import { Forbidden, NotFound, RuleViolation, StaleRecord } from '$lib/server/errors';
import { findOutcomePage } from '$lib/server/outcomes/outcome.service';
import type { TopicInput, TopicResultInput } from '$lib/server/topics/topic.input';
import {
	addTopic,
	findTopicPage,
	findTopicsPage,
	moveTopic,
	recordTopicDiscussion,
	removeTopic,
	reviseTopic,
	setTopicFollow,
	turnTopicInto
} from '$lib/server/topics/topic.service';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertEvent, insertOrganization, insertPerson } from '../helpers/factories';

const officer: Actor = { userId: null, label: 'officer@protokol.test', role: 'officer' };
const viewer: Actor = { userId: null, label: 'viewer@protokol.test', role: 'viewer' };

/** The meeting of the Chief of the SMS with IOM's Regional Director: 11:00 in Baku (07:00 UTC). */
const MEETING = {
	title: 'Meeting of the Chief of the State Migration Service with the Regional Director of IOM',
	kind: 'bilateral_meeting',
	start_at: '2021-12-21T07:00:00.000Z',
	end_at: '2021-12-21T08:00:00.000Z',
	time_zone: 'Asia/Baku'
} as const;

function topic(title: string, more: Partial<TopicInput> = {}): TopicInput {
	return {
		title,
		raisedBy: 'our_side',
		ourPosition: null,
		talkingPoints: null,
		expectedQuestions: null,
		...more
	};
}

describeEachEngine('a meeting’s topics', (engine) => {
	let handle: TestDatabase;
	let db: Kysely<Database>;
	let meeting: EventRow;
	let sms: Organization;
	let iom: Organization;
	let profazi: Person;

	beforeAll(async () => {
		handle = await engine.open();
		db = handle.db;
		sms = await insertOrganization(db);
		iom = await insertOrganization(db, {
			name: 'IOM Regional Office for South-Eastern Europe, Eastern Europe and Central Asia',
			acronym: null,
			kind: 'international_organization',
			country_code: 'AT'
		});
		profazi = await insertPerson(db, { given_name: 'Manfred', family_name: 'Profazi' });
	});
	afterAll(async () => {
		await handle?.cleanup();
	});

	/** Each test has a meeting of its own: SMS hosts, and IOM's delegation headed by Mr Profazi. */
	beforeEach(async () => {
		meeting = await insertEvent(db, MEETING);
		const now = new Date().toISOString();
		await db
			.insertInto('event_organization')
			.values({ event_id: meeting.id, organization_id: sms.id, role: 'host' })
			.execute();
		const delegations = await db
			.insertInto('delegation')
			.values([
				{ event_id: meeting.id, name: 'State Migration Service', organization_id: sms.id, position: 0 },
				{ event_id: meeting.id, name: 'IOM', organization_id: iom.id, position: 1 }
			])
			.returning('id')
			.execute();
		await db
			.insertInto('event_participant')
			.values({
				event_id: meeting.id,
				person_id: profazi.id,
				role: 'head_of_delegation',
				delegation_id: delegations[1]!.id,
				organization_id: iom.id,
				created_at: now,
				updated_at: now
			})
			.execute();
	});

	const titles = async () => (await findTopicsPage(db, meeting.id))!.topics.map((t) => [t.position, t.title]);

	const auditOf = async (eventId: number) =>
		(
			await db
				.selectFrom('audit_entry')
				.select(['action', 'entity_type'])
				.where('event_id', '=', eventId)
				.orderBy('id')
				.execute()
		).map((r) => r.action);

	test('topics are listed in the order added, and Up and Down swap neighbours', async () => {
		const first = await addTopic(db, officer, meeting.id, topic('Joint projects'));
		await addTopic(db, officer, meeting.id, topic('Global Compact (GCM)'));
		const third = await addTopic(db, officer, meeting.id, topic('National Migration Profile'));
		expect(await titles()).toEqual([
			[1, 'Joint projects'],
			[2, 'Global Compact (GCM)'],
			[3, 'National Migration Profile']
		]);

		await moveTopic(db, officer, third, 'up', meeting.id);
		await moveTopic(db, officer, first, 'down', meeting.id);
		expect(await titles()).toEqual([
			[1, 'National Migration Profile'],
			[2, 'Joint projects'],
			[3, 'Global Compact (GCM)']
		]);

		const refusal = await moveTopic(db, officer, third, 'up', meeting.id).catch((e: unknown) => e);
		expect(refusal).toBeInstanceOf(RuleViolation);
		expect((refusal as RuleViolation).fields.order).toBe('“National Migration Profile” is first already.');

		await removeTopic(db, officer, first, meeting.id);
		expect(await titles()).toEqual([
			[1, 'National Migration Profile'],
			[2, 'Global Compact (GCM)']
		]);
		expect(await auditOf(meeting.id)).toEqual([
			'topic.add',
			'topic.add',
			'topic.add',
			'topic.move_up',
			'topic.move_down',
			'topic.remove'
		]);
	});

	test('only bilateral meetings and official and working visits have topics', async () => {
		const observance = await insertEvent(db, { kind: 'observance', title: 'International Migrants Day' });
		expect(await findTopicsPage(db, observance.id)).toBeNull();
		const refusal = await addTopic(db, officer, observance.id, topic('Anything')).catch((e: unknown) => e);
		expect(refusal).toBeInstanceOf(RuleViolation);
		for (const kind of ['official_visit', 'working_visit'] as const) {
			const visit = await insertEvent(db, { kind });
			await addTopic(db, officer, visit.id, topic('Cooperation'));
			expect((await findTopicsPage(db, visit.id))!.topics).toHaveLength(1);
		}
	});

	test('an edit from a form opened before someone else saved is refused with their version, and writes nothing', async () => {
		const id = await addTopic(db, officer, meeting.id, topic('GCM', { ourPosition: 'Support' }));
		const prepared = {
			...topic('Global Compact (GCM)'),
			raisedBy: 'our_side' as const,
			ourPosition: 'Enhance bilateral collaboration for implementing the GCM.',
			talkingPoints: 'Azerbaijan joined the “Champion countries” initiative.',
			expectedQuestions: null
		};
		await reviseTopic(db, officer, id, { ...prepared, version: 1 }, meeting.id);

		const stale = await reviseTopic(db, officer, id, { ...topic('Older'), version: 1 }, meeting.id).catch(
			(e: unknown) => e
		);
		expect(stale).toBeInstanceOf(StaleRecord);
		expect((stale as StaleRecord<Record<string, string>>).current).toMatchObject({
			title: 'Global Compact (GCM)',
			ourPosition: 'Enhance bilateral collaboration for implementing the GCM.',
			version: '2'
		});
		const page = (await findTopicPage(db, meeting.id, id))!;
		expect(page.topic).toMatchObject({
			title: 'Global Compact (GCM)',
			raisedByLabel: 'Our side',
			version: 2
		});

		await recordTopicDiscussion(
			db,
			officer,
			id,
			{ discussion: 'Both sides agreed.', version: 2 },
			meeting.id
		);
		const late = await recordTopicDiscussion(
			db,
			officer,
			id,
			{ discussion: 'Something else', version: 2 },
			meeting.id
		).catch((e: unknown) => e);
		expect(late).toBeInstanceOf(StaleRecord);
		expect((await findTopicPage(db, meeting.id, id))!.topic.discussion).toBe('Both sides agreed.');
		expect(await auditOf(meeting.id)).toEqual(['topic.add', 'topic.update', 'topic.discussion']);
	});

	test('a topic links to the earlier outcomes and letters it continues, and unlinks them', async () => {
		const earlier = await insertEvent(db, { title: 'Earlier meeting', start_at: '2021-06-01T07:00:00.000Z' });
		const now = new Date().toISOString();
		const outcome = await db
			.insertInto('outcome')
			.values({
				event_id: earlier.id,
				kind: 'action_point',
				title: 'Prepare the Migration Profile',
				created_at: now,
				updated_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const letter = await db
			.insertInto('correspondence')
			.values({
				kind: 'letter',
				direction: 'outgoing',
				reference_number: '№ 09/1502',
				dated_on: '2021-09-02',
				subject: 'Champion countries',
				created_at: now,
				updated_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const id = await addTopic(db, officer, meeting.id, topic('National Migration Profile'));

		await setTopicFollow(
			db,
			officer,
			id,
			{ kind: 'outcome', targetId: outcome.id, linked: true },
			meeting.id
		);
		await setTopicFollow(
			db,
			officer,
			id,
			{ kind: 'correspondence', targetId: letter.id, linked: true },
			meeting.id
		);
		// Linking again changes nothing and is not audited again.
		await setTopicFollow(
			db,
			officer,
			id,
			{ kind: 'outcome', targetId: outcome.id, linked: true },
			meeting.id
		);
		let shown = (await findTopicsPage(db, meeting.id))!.topics[0]!;
		expect(shown.followsOutcomes.map((o) => [o.title, o.event?.title])).toEqual([
			['Prepare the Migration Profile', 'Earlier meeting']
		]);
		expect(shown.followsLetters.map((l) => [l.referenceNumber, l.subject])).toEqual([
			['№ 09/1502', 'Champion countries']
		]);

		const gone = await setTopicFollow(
			db,
			officer,
			id,
			{ kind: 'outcome', targetId: 999_999, linked: true },
			meeting.id
		).catch((e: unknown) => e);
		expect(gone).toBeInstanceOf(NotFound);

		await setTopicFollow(
			db,
			officer,
			id,
			{ kind: 'outcome', targetId: outcome.id, linked: false },
			meeting.id
		);
		shown = (await findTopicsPage(db, meeting.id))!.topics[0]!;
		expect(shown.followsOutcomes).toEqual([]);
		expect(shown.followsLetters).toHaveLength(1);
		expect(await auditOf(meeting.id)).toEqual(['topic.add', 'topic.link', 'topic.link', 'topic.unlink']);
	});

	test('the outcome form is pre-filled from the meeting: the partner side as owner, every side a party, due a month after', async () => {
		const id = await addTopic(db, officer, meeting.id, topic('Migration Governance Indicators'));
		const page = (await findTopicPage(db, meeting.id, id))!;
		expect(page.result!.values).toMatchObject({
			kind: 'action_point',
			title: 'Migration Governance Indicators',
			ownerOrganizationId: String(iom.id),
			ownerPersonId: String(profazi.id),
			dueOn: '2022-01-20',
			parties: `${sms.id},${iom.id}`,
			version: '1'
		});
		expect(page.result!.choices.people).toEqual([[profazi.id, 'Mr Manfred Profazi']]);
		expect(page.result!.choices.organizations.map(([orgId]) => orgId).sort()).toEqual(
			[sms.id, iom.id].sort()
		);
	});

	test('a topic turns into an action point in one step, which links back to it', async () => {
		const id = await addTopic(db, officer, meeting.id, topic('Migration Governance Indicators'));
		await recordTopicDiscussion(
			db,
			officer,
			id,
			{ discussion: 'Satisfaction with the joint activities.', version: 1 },
			meeting.id
		);
		const input: TopicResultInput = {
			kind: 'action_point',
			title: 'Continue joint activities in the MGI process',
			ownerPersonId: profazi.id,
			ownerOrganizationId: iom.id,
			dueOn: '2022-02-01',
			parties: [sms.id, iom.id],
			version: 2
		};
		const result = await turnTopicInto(db, officer, id, input, meeting.id);
		expect(result.type).toBe('outcome');

		const outcome = (await findOutcomePage(db, result.id))!;
		expect(outcome).toMatchObject({
			kind: 'action_point',
			title: 'Continue joint activities in the MGI process',
			text: 'Satisfaction with the joint activities.',
			status: 'open',
			dueOn: '2022-02-01',
			ownerPerson: { id: profazi.id, name: 'Mr Manfred Profazi' },
			ownerOrganization: { id: iom.id },
			event: { id: meeting.id }
		});
		expect(outcome.parties.map((p) => p.id).sort()).toEqual([sms.id, iom.id].sort());

		const page = (await findTopicPage(db, meeting.id, id))!;
		expect(page.topic.result).toMatchObject({
			type: 'outcome',
			id: result.id,
			kindLabel: 'Action point',
			statusLabel: 'Open',
			dueOn: '2022-02-01'
		});
		expect(page.result).toBeNull();
		expect((await findOutcomePage(db, result.id))!.topics).toEqual([
			{ id, title: 'Migration Governance Indicators', event: expect.objectContaining({ id: meeting.id }) }
		]);

		// Once turned, it is not turned again, and nothing more is written.
		const again = await turnTopicInto(db, officer, id, { ...input, version: 3 }, meeting.id).catch(
			(e: unknown) => e
		);
		expect(again).toBeInstanceOf(RuleViolation);
		expect(await auditOf(meeting.id)).toEqual([
			'topic.add',
			'topic.discussion',
			'outcome.create',
			'topic.turn'
		]);
	});

	test('a topic turned from a stale form writes nothing', async () => {
		const id = await addTopic(db, officer, meeting.id, topic('GCM'));
		await recordTopicDiscussion(db, officer, id, { discussion: 'Said.', version: 1 }, meeting.id);
		const input: TopicResultInput = {
			kind: 'decision',
			title: 'GCM',
			ownerPersonId: null,
			ownerOrganizationId: null,
			dueOn: null,
			parties: [],
			version: 1
		};
		const stale = await turnTopicInto(db, officer, id, input, meeting.id).catch((e: unknown) => e);
		expect(stale).toBeInstanceOf(StaleRecord);
		const { n } = await db
			.selectFrom('outcome')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('event_id', '=', meeting.id)
			.executeTakeFirstOrThrow();
		expect(Number(n)).toBe(0);
	});

	test('a topic turns into a draft agreement in the register with the meeting’s parties, linked back', async () => {
		const id = await addTopic(db, officer, meeting.id, topic('Regional Training Center on Migration'));
		const result = await turnTopicInto(
			db,
			officer,
			id,
			{
				kind: 'agreement',
				title: 'Agreement on the Regional Training Center on Migration',
				ownerPersonId: null,
				ownerOrganizationId: null,
				dueOn: null,
				parties: [sms.id, iom.id],
				version: 1
			},
			meeting.id
		);
		expect(result.type).toBe('agreement');
		const page = (await findAgreementPage(db, result.id))!;
		expect(page.agreement).toMatchObject({
			title: 'Agreement on the Regional Training Center on Migration',
			state: 'draft'
		});
		expect(page.agreement.parties.map((p) => p.id).sort()).toEqual([sms.id, iom.id].sort());
		expect((await findTopicPage(db, meeting.id, id))!.topic.result).toMatchObject({
			type: 'agreement',
			id: result.id
		});
		expect(page.topics).toEqual([
			expect.objectContaining({ id, event: expect.objectContaining({ id: meeting.id }) })
		]);
		expect(await auditOf(meeting.id)).toEqual(['topic.add', 'topic.turn']);
	});

	test('a viewer is refused every write, and nothing is written', async () => {
		const id = await addTopic(db, officer, meeting.id, topic('Joint projects'));
		const writes = [
			() => addTopic(db, viewer, meeting.id, topic('Not allowed')),
			() => reviseTopic(db, viewer, id, { ...topic('Renamed'), version: 1 }),
			() => recordTopicDiscussion(db, viewer, id, { discussion: 'x', version: 1 }),
			() => moveTopic(db, viewer, id, 'down'),
			() => removeTopic(db, viewer, id),
			() => setTopicFollow(db, viewer, id, { kind: 'outcome', targetId: 1, linked: true })
		];
		for (const write of writes) expect(await write().catch((e: unknown) => e)).toBeInstanceOf(Forbidden);
		expect(await titles()).toEqual([[1, 'Joint projects']]);
		expect(await auditOf(meeting.id)).toEqual(['topic.add']);
	});

	test('a topic of another meeting is not found through this one', async () => {
		const other = await insertEvent(db, { title: 'Another meeting' });
		const id = await addTopic(db, officer, other.id, topic('Elsewhere'));
		expect(await findTopicPage(db, meeting.id, id)).toBeNull();
		const refusal = await moveTopic(db, officer, id, 'down', meeting.id).catch((e: unknown) => e);
		expect(refusal).toBeInstanceOf(NotFound);
	});
});

describeEachEngine('the demo meeting’s topics', (engine) => {
	let handle: TestDatabase;

	beforeAll(async () => {
		handle = await engine.open();
		await loadDemoData(handle.db);
	});
	afterAll(() => handle.cleanup());

	test('the meeting of the Chief of the SMS with IOM’s Regional Director has the seed’s topics, in its order', async () => {
		const meeting = await handle.db
			.selectFrom('event')
			.select('id')
			.where('title', '=', MEETING.title)
			.executeTakeFirstOrThrow();
		const page = (await findTopicsPage(handle.db, meeting.id))!;
		expect(page.topics.map((t) => [t.position, t.title, t.raisedByLabel, t.result?.title ?? null])).toEqual([
			[
				1,
				'The two joint projects and the Regional Training Center on Migration',
				'Our side',
				'Continue the two joint international projects and the Regional Training Center on Migration'
			],
			[
				2,
				'The Global Compact for Safe, Orderly and Regular Migration (GCM)',
				'Our side',
				'Enhance bilateral collaboration between the SMS and IOM for implementing the GCM'
			],
			[3, 'The National Migration Profile (2013–2020 and the first ten months of 2021)', 'Our side', null],
			[
				4,
				'The Migration Governance Indicators process',
				'Our side',
				'Continue joint activities in the Migration Governance Indicators process'
			]
		]);
		expect(page.topics[1]!.discussion).toContain(
			'exemplary role in the implementation and promotion of the GCM'
		);
	});
});
