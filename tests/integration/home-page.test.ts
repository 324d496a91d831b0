/**
 * The officer's home page, on both engines: each panel's rows and its empty state, days as the office's
 * zone counts them, the same number of queries on ten times the data, and every list served by an index.
 */
import type { CompiledQuery, Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Database, NewOutcome } from '$lib/server/db/schema';
import { getHomePage } from '$lib/server/home/home.service';
import type { UserRole } from '$lib/vocabulary';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertCorrespondence, insertEvent, insertOrganization, insertPerson } from '../helpers/factories';
import { queueTestMessages } from '../helpers/outbox';
import { planOf } from '../helpers/query-plans';

const ZONE = 'Asia/Baku';
/** 00:30 on Saturday 5 December 2026 in Baku (UTC+4), still the 4th in UTC. */
const NOW = new Date('2026-12-04T20:30:00Z');
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const at = (offset: number) => new Date(NOW.getTime() + offset).toISOString();
/** An hour-long event starting `offset` milliseconds from NOW. */
const startingIn = (offset: number) => ({ start_at: at(offset), end_at: at(offset + HOUR) });

async function insertUser(db: Kysely<Database>, role: UserRole, email = `${role}@protokol.test`) {
	const now = new Date().toISOString();
	return db
		.insertInto('user_account')
		.values({
			email,
			name: `Test ${role}`,
			role,
			password_hash: 'not a hash',
			password_changed_at: now,
			created_at: now,
			updated_at: now
		})
		.returning(['id', 'role'])
		.executeTakeFirstOrThrow();
}

async function insertOutcome(db: Kysely<Database>, fields: Partial<NewOutcome> & { title: string }) {
	const now = new Date().toISOString();
	return db
		.insertInto('outcome')
		.values({ kind: 'action_point', created_at: now, updated_at: now, ...fields })
		.returning('id')
		.executeTakeFirstOrThrow();
}

/** Invites people to an event, with these answers. */
async function invite(
	db: Kysely<Database>,
	eventId: number,
	answers: ('invited' | 'accepted' | 'declined')[]
) {
	const now = new Date().toISOString();
	for (const answer of answers) {
		const person = await insertPerson(db, { given_name: 'Guest', family_name: `No ${Math.random()}` });
		await db
			.insertInto('event_participant')
			.values({
				event_id: eventId,
				person_id: person.id,
				role: 'guest',
				rsvp_status: answer,
				invited_at: now,
				created_at: now,
				updated_at: now
			})
			.execute();
	}
}

describeEachEngine('the home page', (engine) => {
	let handle: TestDatabase;
	let db: Kysely<Database>;
	let officer: { id: number; role: UserRole };

	beforeEach(async () => {
		handle = await engine.open();
		db = handle.db;
		officer = await insertUser(db, 'officer');
	});
	afterEach(() => handle.cleanup());

	const home = (user = officer, now = NOW) => getHomePage(db, user, { now, zone: ZONE });

	test('with nothing to show, every panel is empty and the outbox panel is there for an officer', async () => {
		const page = await home();
		expect(page.today).toBe('2026-12-05');
		expect(page.todayLabel).toBe('Saturday 5 December 2026');
		expect(page.week.days.map((d) => d.date)).toEqual([
			'2026-12-05',
			'2026-12-06',
			'2026-12-07',
			'2026-12-08',
			'2026-12-09',
			'2026-12-10',
			'2026-12-11'
		]);
		expect(page.week.days.every((d) => d.entries.length === 0)).toBe(true);
		expect(page.actionPoints).toEqual({ items: [], more: false });
		expect(page.awaitingAnswers).toEqual({ items: [], more: false });
		expect(page.failedMessages).toEqual({ items: [], more: false });
		expect(page.unansweredLetters).toEqual({ items: [], more: false });
		expect(page.canWrite).toBe(true);
	});

	test("today and the week are the office's days: 23:45 the evening before is not today, 00:15 is", async () => {
		await insertEvent(db, { title: 'Late last night', start_at: at(-45 * 60_000), end_at: at(-30 * 60_000) });
		await insertEvent(db, {
			title: 'Just after midnight',
			start_at: at(-15 * 60_000),
			end_at: at(15 * 60_000)
		});
		await insertEvent(db, {
			title: 'Next Friday',
			start_at: at(6 * DAY + 10 * HOUR),
			end_at: at(6 * DAY + 11 * HOUR)
		});
		await insertEvent(db, {
			title: 'A week on',
			start_at: at(7 * DAY + 10 * HOUR),
			end_at: at(7 * DAY + 11 * HOUR)
		});
		const page = await home();
		const shown = page.week.days.flatMap((d) => d.entries.map((e) => [d.date, e.title, e.when]));
		expect(shown).toEqual([
			['2026-12-05', 'Just after midnight', '00:15–00:45'],
			['2026-12-11', 'Next Friday', '10:30–11:30']
		]);
		expect(page.week.days[0]!.today).toBe(true);
	});

	test('my action points: only mine and open, overdue first by how late, undated last', async () => {
		const other = await insertUser(db, 'officer', 'other@protokol.test');
		const event = await insertEvent(db, { title: 'Post-IMRF debrief', start_at: '2022-06-30T06:00:00Z' });
		await insertOutcome(db, { title: 'Undated', responsible_user_id: officer.id });
		await insertOutcome(db, {
			title: 'Due next week',
			responsible_user_id: officer.id,
			due_on: '2026-12-12'
		});
		// Yesterday at the office, though still today in UTC.
		await insertOutcome(db, {
			title: 'Due yesterday',
			responsible_user_id: officer.id,
			due_on: '2026-12-04',
			status: 'in_progress',
			event_id: event.id
		});
		await insertOutcome(db, { title: 'Long overdue', responsible_user_id: officer.id, due_on: '2026-11-05' });
		await insertOutcome(db, { title: 'Due today', responsible_user_id: officer.id, due_on: '2026-12-05' });
		await insertOutcome(db, {
			title: 'Done',
			responsible_user_id: officer.id,
			due_on: '2026-11-01',
			status: 'done'
		});
		await insertOutcome(db, { title: 'Dropped', responsible_user_id: officer.id, status: 'dropped' });
		await insertOutcome(db, { title: 'Someone else’s', responsible_user_id: other.id, due_on: '2026-11-01' });
		await insertOutcome(db, { title: 'Nobody’s', due_on: '2026-11-01' });

		const { actionPoints } = await home();
		expect(actionPoints.more).toBe(false);
		expect(actionPoints.items.map((p) => [p.title, p.daysOverdue])).toEqual([
			['Long overdue', 30],
			['Due yesterday', 1],
			['Due today', 0],
			['Due next week', 0],
			['Undated', 0]
		]);
		expect(actionPoints.items[1]).toMatchObject({
			statusLabel: 'In progress',
			event: { id: event.id, title: 'Post-IMRF debrief' }
		});
	});

	test('my action points show ten and say there are more', async () => {
		for (let i = 0; i < 12; i++) {
			await insertOutcome(db, {
				title: `Point ${i}`,
				responsible_user_id: officer.id,
				due_on: `2026-12-${10 + i}`
			});
		}
		const { actionPoints } = await home();
		expect(actionPoints.items).toHaveLength(10);
		expect(actionPoints.items[0]!.title).toBe('Point 0');
		expect(actionPoints.more).toBe(true);
	});

	test('events in the next 14 days with unanswered invitations: how many of how many, soonest first', async () => {
		const soon = await insertEvent(db, {
			title: 'In three days',
			start_at: at(3 * DAY),
			end_at: at(3 * DAY + HOUR)
		});
		await invite(db, soon.id, ['invited', 'accepted', 'invited']);
		const last = await insertEvent(db, { title: 'On the 14th day', ...startingIn(14 * DAY + 20 * HOUR) });
		await invite(db, last.id, ['invited']);
		const later = await insertEvent(db, { title: 'On the 15th day', ...startingIn(15 * DAY + HOUR) });
		await invite(db, later.id, ['invited']);
		const answered = await insertEvent(db, { title: 'All answered', ...startingIn(2 * DAY) });
		await invite(db, answered.id, ['accepted', 'declined']);
		const cancelled = await insertEvent(db, {
			title: 'Cancelled',
			...startingIn(2 * DAY),
			status: 'cancelled'
		});
		await invite(db, cancelled.id, ['invited']);
		const past = await insertEvent(db, { title: 'Earlier today', ...startingIn(-10 * 60_000) });
		await invite(db, past.id, ['invited']);

		const { awaitingAnswers } = await home();
		expect(awaitingAnswers.items.map((e) => [e.title, e.unanswered, e.participants])).toEqual([
			['In three days', 2, 3],
			['On the 14th day', 1, 1]
		]);
	});

	test('failed e-mails for officers, latest first; a viewer has no outbox panel', async () => {
		const [first, second, queued] = await queueTestMessages(
			db,
			['a@example.org', 'b@example.org', 'c@example.org'],
			new Date(NOW.getTime() - DAY)
		);
		await db
			.updateTable('outbox_message')
			.set({ status: 'failed', last_error: '550 No such user', next_attempt_at: at(-2 * HOUR) })
			.where('id', '=', first!.id)
			.execute();
		await db
			.updateTable('outbox_message')
			.set({ status: 'failed', last_error: '554 Rejected', next_attempt_at: at(-HOUR) })
			.where('id', '=', second!.id)
			.execute();
		expect(queued!.status).toBe('queued');

		const { failedMessages } = await home();
		expect(failedMessages!.items.map((m) => [m.toName, m.lastError])).toEqual([
			['b', '554 Rejected'],
			['a', '550 No such user']
		]);
		const viewer = await insertUser(db, 'viewer');
		const asViewer = await home(viewer);
		expect(asViewer.failedMessages).toBeNull();
		expect(asViewer.canWrite).toBe(false);
	});

	test('letters of the last 30 days that no reply or event answers, latest first', async () => {
		const iom = await insertOrganization(db, {
			name: 'International Organization for Migration',
			acronym: 'IOM'
		});
		const incoming = { direction: 'incoming' as const, sender_organization_id: iom.id };
		await insertCorrespondence(db, {
			...incoming,
			subject: 'Unanswered',
			dated_on: '2026-11-20',
			reply_expected: 1
		});
		await insertCorrespondence(db, { ...incoming, subject: 'Thirty days ago', dated_on: '2026-11-05' });
		await insertCorrespondence(db, { ...incoming, subject: 'Thirty-one days ago', dated_on: '2026-11-04' });
		const answered = await insertCorrespondence(db, {
			...incoming,
			subject: 'Answered',
			dated_on: '2026-12-01'
		});
		await insertCorrespondence(db, {
			direction: 'outgoing',
			subject: 'Our reply',
			dated_on: '2026-12-02',
			in_reply_to_id: answered.id
		});
		const invitation = await insertCorrespondence(db, {
			...incoming,
			subject: 'Led to a meeting',
			dated_on: '2026-12-03'
		});
		const meeting = await insertEvent(db, { title: 'The meeting' });
		await db
			.insertInto('correspondence_event')
			.values({ correspondence_id: invitation.id, event_id: meeting.id, link: 'leads_to' })
			.execute();
		const concerning = await insertCorrespondence(db, {
			...incoming,
			subject: 'Only concerns it',
			dated_on: '2026-12-04'
		});
		await db
			.insertInto('correspondence_event')
			.values({ correspondence_id: concerning.id, event_id: meeting.id, link: 'concerns' })
			.execute();

		const { unansweredLetters } = await home();
		expect(unansweredLetters.items.map((l) => l.subject)).toEqual([
			'Only concerns it',
			'Unanswered',
			'Thirty days ago'
		]);
		expect(unansweredLetters.items[1]).toMatchObject({
			sender: 'International Organization for Migration (IOM)',
			replyExpected: true,
			kindLabel: 'Letter'
		});
	});
});

/** `n` of everything each panel reads, most of it for the officer and due, unanswered or failed. */
async function populate(db: Kysely<Database>, n: number, officerId: number) {
	const sender = await insertOrganization(db);
	for (let i = 0; i < n; i++) {
		const event = await insertEvent(db, {
			title: `Event ${i}`,
			start_at: at((i % 10) * DAY + HOUR),
			end_at: at((i % 10) * DAY + 2 * HOUR)
		});
		await invite(db, event.id, ['invited', 'accepted']);
		// The office's history: past events, some never answered.
		const past = await insertEvent(db, { title: `Past event ${i}`, ...startingIn(-(i + 1) * 30 * DAY) });
		await invite(db, past.id, ['invited']);
		await insertOutcome(db, { title: `Point ${i}`, responsible_user_id: officerId, due_on: '2026-11-01' });
		await insertOutcome(db, { title: `Undated ${i}`, responsible_user_id: officerId, status: 'in_progress' });
		await insertCorrespondence(db, {
			direction: 'incoming',
			sender_organization_id: sender.id,
			subject: `Letter ${i}`,
			dated_on: '2026-12-01'
		});
	}
	const messages = await queueTestMessages(
		db,
		Array.from({ length: n }, (_, i) => `guest${i}@example.org`),
		NOW
	);
	await db
		.updateTable('outbox_message')
		.set({ status: 'failed' })
		.where(
			'id',
			'in',
			messages.map((m) => m.id)
		)
		.execute();
}

describeEachEngine('what the home page costs', (engine) => {
	const sizes = [4, 40] as const;
	const handles: TestDatabase[] = [];
	const logs: CompiledQuery[][] = [];
	const officers: { id: number; role: UserRole }[] = [];

	beforeAll(async () => {
		for (const size of sizes) {
			const log: CompiledQuery[] = [];
			const handle = await engine.open({ onQuery: (event) => log.push(event.query) });
			const officer = await insertUser(handle.db, 'officer');
			await populate(handle.db, size, officer.id);
			handles.push(handle);
			logs.push(log);
			officers.push(officer);
		}
	});
	afterAll(async () => {
		for (const handle of handles) await handle.cleanup();
	});

	async function run(index: number) {
		logs[index]!.length = 0;
		const page = await getHomePage(handles[index]!.db, officers[index]!, { now: NOW, zone: ZONE });
		return { page, queries: [...logs[index]!] };
	}

	test('five queries on a small data set and on one ten times larger', async () => {
		const small = await run(0);
		const large = await run(1);
		expect(small.queries).toHaveLength(5);
		expect(large.queries).toHaveLength(5);
		expect(large.page.actionPoints.items).toHaveLength(10);
		expect(large.page.actionPoints.more).toBe(true);
		expect(large.page.awaitingAnswers.more).toBe(true);
		expect(large.page.failedMessages!.more).toBe(true);
		expect(large.page.unansweredLetters.more).toBe(true);
	});

	describe('each list is read through an index', () => {
		const expected: [string, RegExp, string][] = [
			['my action points', /"responsible_user_id"/, 'outcome_responsible_idx'],
			['unanswered invitations', /"event_participant"/, 'event_start_idx'],
			['failed e-mails', /"outbox_message"/, 'outbox_message_due_idx'],
			['unanswered letters', /"in_reply_to_id"/, 'correspondence_dated_idx']
		];
		test.each(expected)('%s', async (_name, marker, index) => {
			const handle = handles[1]!;
			const { queries } = await run(1);
			const query = queries.find((q) => marker.test(q.sql))!;
			const plan = await planOf(handle, query);
			expect(plan).toContain(index);
			if (handle.engine === 'postgres') {
				expect(plan).not.toMatch(/Seq Scan on (outcome|event|outbox_message|correspondence)\b/);
			} else {
				expect(plan).not.toMatch(/SCAN (outcome|event|outbox_message|correspondence)\b(?! USING)/);
			}
		});
	});
});
