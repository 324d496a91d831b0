/**
 * Issue 17 §1 as a new user would try it, against the built server with IMAP_URL set to the office's
 * mailbox on a Dovecot the test starts, and a real SMTP server on loopback: an officer invites a guest,
 * the guest declines from Outlook (the REPLY Outlook sends, put in the mailbox with IMAP APPEND), and the
 * event page shows them "Declined" within seconds; the guest then proposes another time, the event page
 * shows it to the officer, who declines it, and a DECLINECOUNTER goes out.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { describeWithDovecot, startDovecot, type TestDovecot } from '../helpers/dovecot';
import { insertEvent, insertPerson, stamps } from '../helpers/factories';
import { postForm, withDatabase } from '../helpers/http';
import { parseCalendar } from '../helpers/ical';
import { outlookReply } from '../helpers/itip-replies';
import { startServer, type RunningServer } from '../helpers/server';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp';

describeWithDovecot('an answer by e-mail reaches the event page', () => {
	let dir: string;
	let databaseUrl: string;
	let dovecot: TestDovecot;
	let smtp: TestSmtpServer;
	let server: RunningServer;
	let officer: string;
	let eventId = 0;
	const guest = 'leyla.mammadova@partner.example';
	let invitation = { uid: '', sequence: -1 };

	const page = async (path: string) =>
		(await (await fetch(`${server.url}${path}`, { headers: { cookie: officer } })).text()).replace(
			/\s+/g,
			' '
		);

	async function until(look: () => Promise<boolean>, what: string, timeoutMs = 10_000) {
		const deadline = Date.now() + timeoutMs;
		while (!(await look())) {
			if (Date.now() > deadline) throw new Error(`waited ${timeoutMs / 1000} s for ${what}`);
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
		return Date.now() - (deadline - timeoutMs);
	}

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'protokol-inbox-http-'));
		databaseUrl = join(dir, 'protokol.db');
		dovecot = await startDovecot();
		smtp = await startSmtpServer();
		server = await startServer({
			databaseUrl,
			env: {
				DEMO_DATA: 'off',
				SMTP_URL: smtp.url,
				OUTBOX_INTERVAL_MS: '200',
				IMAP_URL: dovecot.url,
				ORGANIZER_NAME: 'State Migration Service, Protocol',
				ORGANIZER_EMAIL: dovecot.user
			}
		});
		officer = await signInOverHttp(server, await addUser(databaseUrl, 'officer'));
		eventId = await withDatabase(databaseUrl, async (db) => {
			const event = await insertEvent(db, {
				title: 'Working meeting on readmission',
				start_at: '2027-03-10T08:00:00.000Z',
				end_at: '2027-03-10T09:30:00.000Z',
				time_zone: 'Asia/Baku',
				online_url: 'https://meet.example.org/readmission'
			});
			const person = await insertPerson(db, {
				honorific: 'Ms',
				given_name: 'Leyla',
				family_name: 'Mammadova',
				email: guest
			});
			await db
				.insertInto('event_participant')
				.values({ event_id: event.id, person_id: person.id, role: 'guest', ...stamps() })
				.execute();
			return event.id;
		});
	}, 60_000);
	afterAll(async () => {
		await server?.stop();
		await smtp?.stop();
		await dovecot?.stop();
		if (dir) rmSync(dir, { recursive: true, force: true });
	});

	test('the officer invites the guest; the invitation leaves by SMTP', async () => {
		const response = await postForm(
			server,
			`/events/${eventId}/invitations?/send`,
			{ to: 'new' },
			{ cookie: officer }
		);
		expect(response.status).toBe(200);
		const [mail] = await smtp.waitFor(1);
		expect(mail!.to).toBe(guest);
		const [event] = parseCalendar(mail!.calendar).events;
		invitation = { uid: event!.uid, sequence: event!.sequence };
		expect(invitation.uid).not.toBe('');
	});

	test('the guest declines in Outlook: within seconds the event page says "Declined"', async () => {
		expect(await page(`/events/${eventId}`)).toMatch(/class="badge rsvp-invited[^"]*">Invited</);
		await dovecot.deliver(
			outlookReply({
				uid: invitation.uid,
				sequence: invitation.sequence,
				attendee: guest,
				attendeeName: 'Leyla Mammadova',
				partstat: 'DECLINED',
				summary: 'Working meeting on readmission',
				comment: 'I am travelling that week.'
			})
		);
		const tookMs = await until(
			async () => /class="badge rsvp-declined[^"]*">Declined</.test(await page(`/events/${eventId}`)),
			'the participant to show as declined'
		);
		console.log(`[inbox] the decline showed on the event page after ${tookMs} ms`);
		const inbox = await page('/inbox?show=applied');
		expect(inbox).toContain('Working meeting on readmission');
		expect(inbox).toContain('Ms Leyla Mammadova');
		const flags = await dovecot.flagsOf();
		expect([...flags.values()].every((f) => f.has('\\Seen') && f.has('$ProtokolProcessed'))).toBe(true);
	});

	test('a new time proposed shows on the event page; declining it sends a DECLINECOUNTER', async () => {
		await dovecot.deliver(
			outlookReply({
				uid: invitation.uid,
				sequence: invitation.sequence,
				attendee: guest,
				method: 'COUNTER',
				start: '2027-03-11T08:00:00.000Z',
				end: '2027-03-11T09:30:00.000Z',
				comment: 'Thursday would suit me.'
			})
		);
		// The proposal's own form, not its heading: the page's words (sent with its data) name the heading always.
		await until(async () => (await page(`/events/${eventId}`)).includes('name="proposalId"'), 'the proposal');
		const eventPage = await page(`/events/${eventId}`);
		expect(eventPage).toContain('Thursday would suit me.');
		const proposalId = /name="proposalId" value="(\d+)"/.exec(eventPage)?.[1];
		expect(proposalId).toBeDefined();
		const response = await postForm(
			server,
			'/inbox?/decline',
			{ proposalId: proposalId!, back: `/events/${eventId}` },
			{ cookie: officer }
		);
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe(`/events/${eventId}?proposal=declined`);
		const mails = await smtp.waitFor(2);
		expect(mails[1]!.to).toBe(guest);
		expect(mails[1]!.raw).toMatch(/method=DECLINECOUNTER/i);
		expect(parseCalendar(mails[1]!.calendar).calendar.getFirstPropertyValue('method')).toBe('DECLINECOUNTER');
		expect(await page(`/events/${eventId}`)).not.toContain('name="proposalId"');
	});

	test('the server stops cleanly with its mailbox reader: logged out, exit code 0', async () => {
		server.signal('SIGTERM');
		const { code } = await server.exited;
		expect(code).toBe(0);
		expect(server.output()).toContain('inbox: reading');
		expect(server.output()).toContain('stopped');
		expect(server.output()).not.toContain('stopping failed');
	});
});
