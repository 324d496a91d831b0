/**
 * Invitations on both engines, delivered to a real SMTP server on loopback: one REQUEST per person
 * with an address, ORGANIZER and ATTENDEE parameters as RFC 5546 wants them; moving the event sends
 * updates with the same UID and a higher SEQUENCE; cancelling sends CANCEL; removing a participant sends
 * them a CANCEL; an answer given through a personal link is the next update's PARTSTAT. The outbox keeps
 * what the SMTP server could not take, and delivers it once when the server is back.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '$lib/server/db/schema';
import { RuleViolation, StaleRecord } from '$lib/server/errors';
import { findEventForm } from '$lib/server/events/event-read.service';
import { EventFormInput } from '$lib/server/events/event.input';
import { changeEventStatus, deleteEvent, reviseEvent } from '$lib/server/events/event.service';
import { findInvitationsPage, sendInvitations } from '$lib/server/invitations/invitation.service';
import { createMailer } from '$lib/server/mail/mail.transport';
import { claimDueMessages } from '$lib/server/mail/outbox.repository';
import { retryOutboxMessage } from '$lib/server/mail/outbox.service';
import { deliverDueMessages, MAX_ATTEMPTS } from '$lib/server/mail/outbox.worker';
import { respondToInvitation } from '$lib/server/links/personal-link.service';
import { removeParticipant } from '$lib/server/participants/participant-invite.service';
import { officer } from '../helpers/actors';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertEvent, insertPerson } from '../helpers/factories';
import { attendeesOf, clockIn, parseCalendar } from '../helpers/ical';
import { freePort } from '../helpers/server';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp';

type Db = Kysely<Database>;
const ENV = {
	ORGANIZER_NAME: 'State Migration Service, Protocol',
	ORGANIZER_EMAIL: 'protocol@migration.example'
};
const NOW = new Date('2026-11-24T09:00:00.000Z');
const stamps = () => ({ created_at: NOW.toISOString(), updated_at: NOW.toISOString() });

async function participant(
	db: Db,
	eventId: number,
	person: { given: string; family: string; email: string | null; contactPublic?: 0 | 1 },
	role: 'speaker' | 'observer' | 'host' = 'speaker'
) {
	const p = await insertPerson(db, {
		honorific: null,
		given_name: person.given,
		family_name: person.family,
		email: person.email,
		contact_public: person.contactPublic ?? 1
	});
	const row = await db
		.insertInto('event_participant')
		.values({ event_id: eventId, person_id: p.id, role, ...stamps() })
		.returning('id')
		.executeTakeFirstOrThrow();
	return { personId: p.id, participantId: row.id };
}

const outbox = (db: Db, eventId: number) =>
	db.selectFrom('outbox_message').selectAll().where('event_id', '=', eventId).orderBy('id').execute();

describeEachEngine('invitations', (engine) => {
	let handle: TestDatabase;
	let smtp: TestSmtpServer;
	let eventId: number;
	let uid: string;
	let people: Record<
		'chief' | 'expert' | 'observer' | 'noEmail' | 'private',
		{ personId: number; participantId: number }
	>;
	const saved = { ...process.env };

	beforeAll(async () => {
		Object.assign(process.env, ENV);
		handle = await engine.open();
		smtp = await startSmtpServer();
		const db = handle.db;
		// International Migrants Day 2026: Friday 18 December, 15:00–17:00 in Baku.
		const event = await insertEvent(db, {
			kind: 'observance',
			title: 'International Migrants Day 2026',
			start_at: '2026-12-18T11:00:00.000Z',
			end_at: '2026-12-18T13:00:00.000Z',
			time_zone: 'Asia/Baku',
			status: 'planned',
			online_url: 'https://meet.example.org/imd',
			...stamps()
		});
		eventId = event.id;
		uid = event.ical_uid;
		people = {
			chief: await participant(
				db,
				eventId,
				{ given: 'Vüsal', family: 'Hüseynov', email: 'chief@migration.example' },
				'host'
			),
			expert: await participant(db, eventId, {
				given: 'Владимир',
				family: 'Ѓорѓиев',
				email: 'vg@iom.example'
			}),
			observer: await participant(
				db,
				eventId,
				{ given: 'Ann', family: 'Observer', email: 'observer@un.example' },
				'observer'
			),
			noEmail: await participant(db, eventId, { given: 'Nigar', family: 'Noaddress', email: null }),
			private: await participant(db, eventId, {
				given: 'Pat',
				family: 'Private',
				email: 'pat@private.example',
				contactPublic: 0
			})
		};
		const item = await db
			.insertInto('agenda_item')
			.values({ event_id: eventId, position: 1, kind: 'opening_remarks', title: 'Opening', ...stamps() })
			.returning('id')
			.executeTakeFirstOrThrow();
		await db
			.insertInto('agenda_item_role')
			.values({ agenda_item_id: item.id, participant_id: people.chief.participantId, role: 'chair' })
			.execute();
	});
	afterAll(async () => {
		process.env = saved;
		await smtp?.stop();
		await handle?.cleanup();
	});

	test('sending queues one invitation per person with an address and names those without', async () => {
		const result = await sendInvitations(handle.db, officer, eventId, { now: NOW });
		expect(result.queued).toBe(4);
		expect(result.skipped).toEqual(['Nigar Noaddress: No e-mail address in the directory.']);
		const messages = await outbox(handle.db, eventId);
		expect(messages.map((m) => [m.to_address, m.kind, m.method, m.status])).toEqual([
			['chief@migration.example', 'invitation', 'REQUEST', 'queued'],
			['vg@iom.example', 'invitation', 'REQUEST', 'queued'],
			['observer@un.example', 'invitation', 'REQUEST', 'queued'],
			['pat@private.example', 'invitation', 'REQUEST', 'queued']
		]);
		// Again: everyone with an address has it already.
		await expect(sendInvitations(handle.db, officer, eventId, { now: NOW })).rejects.toBeInstanceOf(
			RuleViolation
		);
		const page = await findInvitationsPage(handle.db, eventId, { limit: 25 }, NOW);
		expect(page!.outbox.counts).toEqual({ queued: 4 });
		// Queued is not sent: the table says what the outbox says.
		const delivery = (id: number) => page!.recipients.find((r) => r.personId === id)!.delivery;
		expect(delivery(people.chief.personId)).toBe('queued');
		expect(delivery(people.noEmail.personId)).toBeNull();
	});

	test('the SMTP server receives each as a calendar invitation Outlook and Gmail answer', async () => {
		const mailer = createMailer({ ...ENV, SMTP_URL: smtp.url })!;
		try {
			expect(await deliverDueMessages(handle.db, mailer, NOW)).toEqual({ sent: 4, failed: 0 });
		} finally {
			mailer.close();
		}
		const mails = await smtp.waitFor(4);
		const toChief = mails.find((m) => m.to === 'chief@migration.example')!;
		// multipart/mixed ⊃ multipart/alternative (text/plain + text/calendar; method=REQUEST) + invite.ics
		expect(toChief.raw).toMatch(/Content-Type: multipart\/mixed/i);
		expect(toChief.raw).toMatch(/Content-Type: multipart\/alternative/i);
		expect(toChief.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
		expect(toChief.raw).toMatch(/Content-Type: application\/ics; name=invite\.ics/i);
		expect(toChief.parsed.subject).toBe(
			'Invitation: International Migrants Day 2026 — Friday 18 December 2026, 15:00–17:00'
		);
		expect(toChief.parsed.from?.value[0]).toMatchObject({ address: 'protocol@migration.example' });
		expect(toChief.parsed.text).toContain('When:  Friday 18 December 2026, 15:00–17:00 (Asia/Baku, UTC+4)');

		const { calendar, events, zones } = parseCalendar(toChief.calendar);
		expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
		expect(zones).toEqual(['Asia/Baku']);
		const [event] = events;
		expect(event!.uid).toBe(uid);
		expect(event!.sequence).toBe(0);
		expect(clockIn(event!.startDate, 'Europe/Zurich')).toBe('12:00');
		expect(event!.component.getFirstProperty('organizer')!.getParameter('cn')).toBe(ENV.ORGANIZER_NAME);
		const attendees = attendeesOf(event!);
		expect(attendees.get('chief@migration.example')).toMatchObject({
			cn: 'Vüsal Hüseynov',
			role: 'CHAIR',
			partstat: 'NEEDS-ACTION',
			rsvp: 'TRUE'
		});
		expect(attendees.get('vg@iom.example')).toMatchObject({
			cn: 'Владимир Ѓорѓиев',
			role: 'REQ-PARTICIPANT'
		});
		expect(attendees.get('observer@un.example')).toMatchObject({ role: 'OPT-PARTICIPANT' });
		// Someone who keeps their address to themselves is listed on their own copy only.
		expect(attendees.has('pat@private.example')).toBe(false);
		const toPat = mails.find((m) => m.to === 'pat@private.example')!;
		expect(attendeesOf(parseCalendar(toPat.calendar).events[0]!).has('pat@private.example')).toBe(true);
		const sent = await outbox(handle.db, eventId);
		expect(sent.every((m) => m.status === 'sent' && m.sent_at && m.message_id)).toBe(true);
	});

	test('the invitations table says sent once the outbox has sent it', async () => {
		const page = await findInvitationsPage(handle.db, eventId, { limit: 25 }, NOW);
		expect(page!.recipients.map((r) => [r.name, r.delivery])).toEqual([
			['Vüsal Hüseynov', 'sent'],
			['Владимир Ѓорѓиев', 'sent'],
			['Ann Observer', 'sent'],
			['Nigar Noaddress', null],
			['Pat Private', 'sent']
		]);
	});

	test('moving the event re-sends to everyone invited: same UID, higher SEQUENCE, and answers carried', async () => {
		const db = handle.db;
		await respondToInvitation(db, people.expert.personId, people.expert.participantId, 'accepted', {
			now: NOW
		});
		const form = (await findEventForm(db, eventId))!;
		const input = EventFormInput.parse({
			...form.values,
			start: '2026-12-18T16:00',
			end: '2026-12-18T18:00'
		});
		const before = (await outbox(db, eventId)).length;
		await reviseEvent(db, officer, eventId, Number(form.values.version), input, { now: NOW });
		const updates = (await outbox(db, eventId)).slice(before);
		expect(updates.map((m) => [m.to_address, m.kind, m.sequence])).toEqual([
			['chief@migration.example', 'update', 1],
			['vg@iom.example', 'update', 1],
			['observer@un.example', 'update', 1],
			['pat@private.example', 'update', 1]
		]);
		const event = parseCalendar(updates[0]!.ics!).events[0]!;
		expect(event.uid).toBe(uid);
		expect(event.sequence).toBe(1);
		expect(clockIn(event.startDate, 'Asia/Baku')).toBe('16:00');
		expect(attendeesOf(event).get('vg@iom.example')).toMatchObject({ partstat: 'ACCEPTED' });
		expect(updates[0]!.subject).toMatch(/^Updated: International Migrants Day 2026/);
	});

	test('a change that fails queues nothing', async () => {
		const db = handle.db;
		const form = (await findEventForm(db, eventId))!;
		const input = EventFormInput.parse({
			...form.values,
			start: '2026-12-18T09:00',
			end: '2026-12-18T11:00'
		});
		const before = (await outbox(db, eventId)).length;
		await expect(
			reviseEvent(db, officer, eventId, Number(form.values.version) - 1, input, { now: NOW })
		).rejects.toBeInstanceOf(StaleRecord);
		expect((await outbox(db, eventId)).length).toBe(before);
	});

	test('removing a participant sends them a cancellation, STATUS:CANCELLED and asking no answer, and only them', async () => {
		const db = handle.db;
		const before = (await outbox(db, eventId)).length;
		await removeParticipant(db, officer, eventId, people.observer.participantId, NOW);
		const added = (await outbox(db, eventId)).slice(before);
		expect(added.map((m) => [m.to_address, m.kind, m.method])).toEqual([
			['observer@un.example', 'cancellation', 'CANCEL']
		]);
		const { calendar, events } = parseCalendar(added[0]!.ics!);
		expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
		expect(events[0]!.uid).toBe(uid);
		// The event itself goes on: to this one person it is off all the same.
		expect(events[0]!.component.getFirstPropertyValue('status')).toBe('CANCELLED');
		const attendees = attendeesOf(events[0]!);
		expect([...attendees.keys()]).toEqual(['observer@un.example']);
		expect(String(attendees.get('observer@un.example')!.rsvp ?? 'FALSE').toUpperCase()).toBe('FALSE');
		expect(added[0]!.ics).not.toMatch(/RSVP=TRUE/i);
	});

	test('cancelling the event sends METHOD:CANCEL with STATUS:CANCELLED and a higher SEQUENCE', async () => {
		const db = handle.db;
		const form = (await findEventForm(db, eventId))!;
		const before = (await outbox(db, eventId)).length;
		await changeEventStatus(
			db,
			officer,
			{ eventId, version: Number(form.values.version), change: 'cancel', reason: 'Moved to the spring.' },
			NOW
		);
		const added = (await outbox(db, eventId)).slice(before);
		expect(added.map((m) => [m.to_address, m.method, m.sequence])).toEqual([
			['chief@migration.example', 'CANCEL', 2],
			['vg@iom.example', 'CANCEL', 2],
			['pat@private.example', 'CANCEL', 2]
		]);
		const event = parseCalendar(added[0]!.ics!).events[0]!;
		expect(event.uid).toBe(uid);
		expect(event.component.getFirstPropertyValue('status')).toBe('CANCELLED');
		for (const message of added) expect(message.ics).not.toMatch(/RSVP=TRUE/i);
		expect(added[0]!.text_body).toContain('Reason: Moved to the spring.');
		await expect(sendInvitations(db, officer, eventId, { now: NOW })).rejects.toThrow(/cancelled/);
	});

	test('deleting an event sends everyone invited a cancellation that outlives the event', async () => {
		const db = handle.db;
		const event = await insertEvent(db, {
			title: 'Reception for the diplomatic corps',
			start_at: '2026-12-10T14:00:00.000Z',
			end_at: '2026-12-10T16:00:00.000Z',
			online_url: 'https://meet.example.org/reception',
			...stamps()
		});
		await participant(db, event.id, { given: 'Ada', family: 'Ambassador', email: 'ada@embassy.example' });
		await sendInvitations(db, officer, event.id, { now: NOW });
		await deleteEvent(db, officer, event.id, event.version, NOW);
		const left = await db
			.selectFrom('outbox_message')
			.select(['event_id', 'kind', 'method', 'sequence', 'ics'])
			.where('to_address', '=', 'ada@embassy.example')
			.orderBy('id')
			.execute();
		expect(left.map((m) => [m.event_id, m.kind, m.method, m.sequence])).toEqual([
			[null, 'invitation', 'REQUEST', 0],
			[null, 'cancellation', 'CANCEL', 1]
		]);
		const cancelled = parseCalendar(left[1]!.ics!).events[0]!;
		expect(cancelled.uid).toBe(event.ical_uid);
		expect(cancelled.component.getFirstPropertyValue('status')).toBe('CANCELLED');
	});

	describe('delivery', () => {
		// A database of its own: the outbox above holds messages these rounds must not take.
		let own: TestDatabase;
		beforeAll(async () => {
			own = await engine.open();
		});
		afterAll(() => own?.cleanup());
		test('with the SMTP server down the outbox keeps the message and retries; once it is back, it arrives once', async () => {
			const db = own.db;
			const event = await insertEvent(db, {
				title: 'Consultations',
				start_at: '2026-12-01T07:00:00.000Z',
				end_at: '2026-12-01T08:00:00.000Z',
				...stamps()
			});
			await participant(db, event.id, { given: 'Retry', family: 'Person', email: 'retry@example.org' });
			await sendInvitations(db, officer, event.id, { now: NOW });
			const port = await freePort();
			const down = createMailer({ ...ENV, SMTP_URL: `smtp://127.0.0.1:${port}` })!;
			expect(await deliverDueMessages(db, down, NOW)).toEqual({ sent: 0, failed: 1 });
			down.close();
			let [message] = await outbox(db, event.id);
			expect(message).toMatchObject({ status: 'queued', attempts: 1 });
			expect(message!.last_error).toMatch(/ECONNREFUSED|connect/i);
			expect(Date.parse(message!.next_attempt_at)).toBeGreaterThan(NOW.getTime());
			// Not due yet: nothing is tried.
			const server = await startSmtpServer(port);
			const up = createMailer({ ...ENV, SMTP_URL: server.url })!;
			try {
				expect(await deliverDueMessages(db, up, new Date(NOW.getTime() + 1000))).toEqual({
					sent: 0,
					failed: 0
				});
				const later = new Date(Date.parse(message!.next_attempt_at) + 1000);
				expect(await deliverDueMessages(db, up, later)).toEqual({ sent: 1, failed: 0 });
				expect(await deliverDueMessages(db, up, new Date(later.getTime() + 3_600_000))).toEqual({
					sent: 0,
					failed: 0
				});
				await server.waitFor(1);
				expect(server.received.map((m) => m.to)).toEqual(['retry@example.org']);
			} finally {
				up.close();
				await server.stop();
			}
			[message] = await outbox(db, event.id);
			expect(message).toMatchObject({ status: 'sent', attempts: 2 });
		});

		test('after the last attempt a message is failed; an officer can send it again', async () => {
			const db = own.db;
			const event = await insertEvent(db, {
				title: 'Briefing',
				start_at: '2026-12-02T07:00:00.000Z',
				end_at: '2026-12-02T08:00:00.000Z',
				...stamps()
			});
			await participant(db, event.id, { given: 'Fail', family: 'Person', email: 'fail@example.org' });
			await sendInvitations(db, officer, event.id, { now: NOW });
			const down = createMailer({ ...ENV, SMTP_URL: `smtp://127.0.0.1:${await freePort()}` })!;
			let at = NOW.getTime();
			try {
				for (let i = 0; i < MAX_ATTEMPTS; i++) {
					await deliverDueMessages(db, down, new Date(at));
					at += 2 * 3_600_000;
				}
			} finally {
				down.close();
			}
			const [message] = await outbox(db, event.id);
			expect(message).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
			await retryOutboxMessage(db, officer, message!.id, NOW);
			const [again] = await outbox(db, event.id);
			expect(again).toMatchObject({ status: 'queued', attempts: 0 });
			await expect(retryOutboxMessage(db, officer, message!.id, NOW)).rejects.toBeInstanceOf(RuleViolation);
		});

		test('two workers claiming at once never take the same message', async () => {
			const db = own.db;
			const event = await insertEvent(db, {
				title: 'Round table',
				start_at: '2026-12-03T07:00:00.000Z',
				end_at: '2026-12-03T08:00:00.000Z',
				...stamps()
			});
			for (let i = 0; i < 6; i++)
				await participant(db, event.id, { given: `Guest${i}`, family: 'Claim', email: `g${i}@example.org` });
			await sendInvitations(db, officer, event.id, { now: NOW });
			const now = new Date(NOW.getTime() + 1000).toISOString();
			const until = new Date(NOW.getTime() + 600_000).toISOString();
			// On PostgreSQL the two run on two connections of the pool, at the same time.
			const [a, b] = await Promise.all([
				claimDueMessages(db, now, { token: 'a', by: 'worker a', until }, 4),
				claimDueMessages(db, now, { token: 'b', by: 'worker b', until }, 4)
			]);
			const ids = [...a, ...b].map((m) => m.id);
			expect(new Set(ids).size).toBe(ids.length);
			// The six, and the message sent again in the test before.
			expect(ids.length).toBe(7);
		});
	});
});
