/**
 * The daily reminder on both engines: nothing before REMINDER_HOUR in the office's zone; then one digest
 * per officer and office day with their action points overdue or due within seven days, the same list the
 * home page shows; none for an officer who turned it off; exactly one however many passes run at once
 * (three server processes on PostgreSQL, two on SQLite) and after a restart; delivered through the
 * outbox to a real SMTP server with the right items and links.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openDatabase } from '$lib/server/db/connection';
import { createMailer } from '$lib/server/mail/mail.transport';
import { deliverDueMessages } from '$lib/server/mail/outbox.worker';
import {
	getReminderChoice,
	listMyActionPoints,
	queueDailyDigests,
	setReminderChoice
} from '$lib/server/reminders/reminder.service';
import { reminderSettings } from '$lib/server/reminders/reminder.settings';
import { startReminderWorker } from '$lib/server/reminders/reminder.worker';
import { officeToday } from '$lib/server/calendar/calendar.settings';
import { runScriptAlongside } from '../helpers/cli';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertActionPoint, insertEvent, insertUserAccount } from '../helpers/factories';
import { TEST_ORGANIZER } from '../helpers/outbox';
import { startSmtpServer } from '../helpers/smtp';

const SETTINGS = reminderSettings({ REMINDER_HOUR: '8', ORIGIN: 'https://protokol.example.gov' });
/** 08:30 in Baku on Tuesday 10 March 2026; 07:59 is a minute before the hour. */
const AT_EIGHT = new Date('2026-03-10T04:30:00Z');
const BEFORE_EIGHT = new Date('2026-03-10T03:59:00Z');

describeEachEngine('daily reminders', (engine) => {
	let handle: TestDatabase;
	const ids: Record<string, number> = {};

	const messages = () =>
		handle.db.selectFrom('outbox_message').selectAll().where('kind', '=', 'reminder').orderBy('id').execute();
	const digests = () => handle.db.selectFrom('reminder_digest').selectAll().orderBy('office_date').execute();

	beforeAll(async () => {
		handle = await engine.open();
		const db = handle.db;
		const leyla = await insertUserAccount(db, { name: 'Leyla Mammadova' });
		const rashad = await insertUserAccount(db, { name: 'Rashad Aliyev' });
		const gone = await insertUserAccount(db, { name: 'Former Officer', disabled_at: AT_EIGHT.toISOString() });
		Object.assign(ids, { leyla: leyla.id, rashad: rashad.id });
		await setReminderChoice(db, { userId: rashad.id, label: rashad.email, role: 'officer' }, false);
		const debrief = await insertEvent(db, { kind: 'debrief', title: 'IMRF debrief' });
		const mine = { responsible_user_id: leyla.id };
		await insertActionPoint(db, {
			...mine,
			title: 'Adjust the UNNM Azerbaijan work plan',
			due_on: '2026-03-05',
			event_id: debrief.id
		});
		await insertActionPoint(db, { ...mine, title: 'Send the national report', due_on: '2026-03-17' });
		await insertActionPoint(db, { ...mine, title: 'Eight days away', due_on: '2026-03-18' });
		await insertActionPoint(db, { ...mine, title: 'Done already', due_on: '2026-03-01', status: 'done' });
		await insertActionPoint(db, { ...mine, title: 'Undated' });
		await insertActionPoint(db, { responsible_user_id: rashad.id, title: 'Rashad’s', due_on: '2026-03-01' });
		await insertActionPoint(db, {
			responsible_user_id: gone.id,
			title: 'Nobody’s now',
			due_on: '2026-03-01'
		});
	});
	afterAll(() => handle?.cleanup());

	test('nothing before the hour; then one digest for each officer who wants it, with the home page list', async () => {
		expect(await queueDailyDigests(handle.db, BEFORE_EIGHT, SETTINGS)).toBe(0);
		expect(await queueDailyDigests(handle.db, AT_EIGHT, SETTINGS)).toBe(1);
		const [message, ...others] = await messages();
		expect(others).toEqual([]);
		expect(message).toMatchObject({ to_name: 'Leyla Mammadova', method: null, ics: null, status: 'queued' });
		expect(message!.subject).toBe('Your action points: 1 overdue, 1 due within a week');
		expect(message!.text_body).toContain('Adjust the UNNM Azerbaijan work plan\n  Overdue by 5 days');
		expect(message!.text_body).toContain('https://protokol.example.gov/outcomes/');
		expect(message!.text_body).not.toMatch(/Eight days away|Done already|Undated/);
		expect(await digests()).toMatchObject([
			{ user_id: ids.leyla, office_date: '2026-03-10', outbox_message_id: message!.id }
		]);
		const home = await listMyActionPoints(handle.db, ids.leyla!, '2026-03-10', 10);
		expect(home.items.map((i) => [i.title, i.overdueDays])).toEqual([
			['Adjust the UNNM Azerbaijan work plan', 5],
			['Send the national report', null]
		]);
		expect(await getReminderChoice(handle.db, ids.rashad!)).toBe(false);
	});

	test('passes run at once by several server processes queue exactly one digest a day', async () => {
		const processes = engine.engine === 'postgres' ? 3 : 2;
		const env = {
			DATABASE_URL: handle.url,
			REMINDER_NOW: '2026-03-11T05:00:00Z',
			REMINDER_HOUR: '8',
			GO_AT: String(Date.now() + 4000)
		};
		const runs = await Promise.all(
			Array.from({ length: processes }, () => runScriptAlongside('tests/helpers/reminder-pass.ts', [], env))
		);
		expect(runs.map((r) => r.status)).toEqual(Array(processes).fill(0));
		const queued = runs.map((r) => Number(/queued=(\d+)/.exec(r.stdout)?.[1]));
		expect(queued.sort()).toEqual([...Array(processes - 1).fill(0), 1]);
		expect((await digests()).map((d) => d.office_date)).toEqual(['2026-03-10', '2026-03-11']);
		expect(await messages()).toHaveLength(2);
	}, 60_000);

	test('a restart the same day queues nothing more', async () => {
		const restarted = openDatabase(handle.url);
		try {
			expect(await queueDailyDigests(restarted.db, new Date('2026-03-11T16:00:00Z'), SETTINGS)).toBe(0);
		} finally {
			await restarted.close();
		}
		expect(await messages()).toHaveLength(2);
	});

	test('the digest reaches a real SMTP server as plain text, with its items and links', async () => {
		const smtp = await startSmtpServer();
		const mailer = createMailer({ SMTP_URL: smtp.url, ORGANIZER_EMAIL: TEST_ORGANIZER.email })!;
		try {
			expect(await deliverDueMessages(handle.db, mailer, new Date('2026-03-11T05:01:00Z'))).toEqual({
				sent: 2,
				failed: 0
			});
			const [first] = await smtp.waitFor(2);
			expect(first!.to).toBe('leyla.mammadova@migration.example');
			expect(first!.parsed.subject).toBe('Your action points: 1 overdue, 1 due within a week');
			expect(first!.parsed.text).toContain('Send the national report');
			expect(first!.parsed.text).toMatch(/https:\/\/protokol\.example\.gov\/outcomes\/\d+/);
			expect(first!.calendar).toBe('');
			expect(first!.parsed.attachments).toEqual([]);
		} finally {
			mailer.close();
			await smtp.stop();
		}
	});

	test('the worker runs a pass as it starts and stops once that pass has ended', async () => {
		const worker = startReminderWorker(handle.db, { ...SETTINGS, hour: 0 });
		await worker.stop();
		const today = (await digests()).at(-1)!;
		expect(today.office_date).toBe(officeToday());
		expect(await messages()).toHaveLength(3);
	});
});
