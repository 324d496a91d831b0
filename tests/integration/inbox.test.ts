/**
 * Replies by e-mail, read from a real Dovecot on loopback by the inbox worker, on both engines. The
 * answers are put in the mailbox with IMAP APPEND, shaped as Outlook, Google Calendar, Apple Calendar
 * and Thunderbird send them (tests/helpers/itip-replies.ts); then the participant's answer, the inbox's
 * record with its reason, the audit trail and the mailbox's flags are read back.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '$lib/server/db/schema';
import {
	acceptProposal,
	applyItipMessage,
	declineProposal,
	getInboxPage
} from '$lib/server/inbox/inbox.service';
import { inboxSettings, PROCESSED_KEYWORD } from '$lib/server/inbox/inbox.settings';
import { startInboxWorker, type InboxWorker } from '$lib/server/inbox/inbox.worker';
import { parseItip } from '$lib/server/inbox/itip.parse';
import { officer } from '../helpers/actors';
import { describeEachEngine, engines, type TestDatabase } from '../helpers/databases';
import { describeWithDovecot, startDovecot, type TestDovecot } from '../helpers/dovecot';
import { insertEvent, insertPerson, stamps } from '../helpers/factories';
import {
	appleReply,
	googleReply,
	malformedReply,
	outlookReply,
	plainLetter,
	thunderbirdReply,
	type ReplyFields
} from '../helpers/itip-replies';

type Db = Kysely<Database>;
const quiet = { info: () => {}, warn: () => {}, error: (...args: unknown[]) => console.error(...args) };

async function until<T>(look: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 15_000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await look();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`waited ${timeoutMs / 1000} s for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

describeWithDovecot('replies by e-mail, read from Dovecot', () => {
	let dovecot: TestDovecot;
	beforeAll(async () => {
		dovecot = await startDovecot();
	}, 30_000);
	afterAll(() => dovecot?.stop());

	describeEachEngine('the inbox', (engine) => {
		let handle: TestDatabase;
		let db: Db;
		let folders = 0;
		const workers: InboxWorker[] = [];

		beforeAll(async () => {
			handle = await engine.open();
			db = handle.db;
		});
		afterAll(async () => {
			await Promise.all(workers.map((w) => w.stop()));
			await handle?.cleanup();
		});

		/** A folder of its own, and a worker reading it (or `count` workers, as several processes would). */
		async function mailbox(env: Record<string, string> = {}) {
			const name = `${engine.engine}-${++folders}`;
			const url = await dovecot.newFolder(name);
			const start = () => {
				const worker = startInboxWorker(
					db,
					inboxSettings({ IMAP_URL: url, IMAP_POLL_INTERVAL_MS: '300', ...env })!,
					quiet
				);
				workers.push(worker);
				return worker;
			};
			return { name, url, start, deliver: (raw: string | Buffer) => dovecot.deliver(raw, name) };
		}

		/** An event invited by e-mail: Jane (sent SEQUENCE 1), Ali (sent 1), and the UID. */
		async function invitedEvent() {
			const event = await insertEvent(db, {
				title: 'Consultations on labour migration',
				start_at: '2026-12-10T09:00:00.000Z',
				end_at: '2026-12-10T10:00:00.000Z',
				time_zone: 'Asia/Baku',
				online_url: 'https://meet.example.org/labour-migration',
				ical_sequence: 1
			});
			const invite = async (given: string, family: string, email: string) => {
				const person = await insertPerson(db, { given_name: given, family_name: family, email });
				return db
					.insertInto('event_participant')
					.values({
						event_id: event.id,
						person_id: person.id,
						role: 'guest',
						calendar_sequence_sent: 1,
						...stamps()
					})
					.returning('id')
					.executeTakeFirstOrThrow()
					.then((r) => r.id);
			};
			const jane = await invite('Jane', 'Doe', `jane.${event.id}@example.org`);
			const ali = await invite('Ali', 'Aliyev', `ali.${event.id}@example.net`);
			return {
				event,
				jane: { id: jane, address: `jane.${event.id}@example.org` },
				ali: { id: ali, address: `ali.${event.id}@example.net` }
			};
		}

		const rsvpOf = async (participantId: number) =>
			db
				.selectFrom('event_participant')
				.select(['rsvp_status', 'responded_at'])
				.where('id', '=', participantId)
				.executeTakeFirstOrThrow();
		const recorded = (eventId: number) =>
			db.selectFrom('inbox_message').selectAll().where('event_id', '=', eventId).orderBy('id').execute();
		const recordedByUid = (mailboxName: string) =>
			db
				.selectFrom('inbox_message')
				.selectAll()
				.where('mailbox', 'like', `%/${mailboxName}`)
				.orderBy('uid')
				.execute();
		const flagsIn = async (name: string) => dovecot.flagsOf(name);

		test('each program’s answer sets the participant’s RSVP with its DTSTAMP, audited as by e-mail reply', async () => {
			const box = await mailbox();
			const shapes: [string, (f: ReplyFields) => string, ReplyFields['partstat'], string][] = [
				['Outlook', outlookReply, 'DECLINED', 'declined'],
				['Google Calendar', googleReply, 'ACCEPTED', 'accepted'],
				['Apple Calendar', appleReply, 'TENTATIVE', 'tentative'],
				['Thunderbird', thunderbirdReply, 'ACCEPTED', 'accepted']
			];
			const cases = [];
			for (const [program, build, partstat, expected] of shapes) {
				const { event, jane } = await invitedEvent();
				// Apple writes the address as the card spells it: matching is case-folded.
				const attendee = program === 'Apple Calendar' ? jane.address.replace('jane', 'Jane') : jane.address;
				const stamp = '2026-12-01T08:30:00.000Z';
				await box.deliver(
					build({ uid: event.ical_uid, sequence: 1, attendee, partstat, stamp, summary: event.title })
				);
				cases.push({ program, event, jane, expected, stamp });
			}
			box.start();
			for (const { program, event, jane, expected, stamp } of cases) {
				const row = await until(async () => (await recorded(event.id))[0], `${program}'s reply`);
				expect({ program, outcome: row.outcome, reason: row.reason }).toEqual({
					program,
					outcome: 'applied',
					reason: null
				});
				expect(await rsvpOf(jane.id)).toEqual({ rsvp_status: expected, responded_at: stamp });
				const audit = await db
					.selectFrom('audit_entry')
					.select(['actor_label', 'action', 'after_json'])
					.where('entity_type', '=', 'event_participant')
					.where('entity_id', '=', jane.id)
					.execute();
				expect(audit).toHaveLength(1);
				expect(audit[0]!.actor_label).toBe(`${jane.address} by e-mail reply`);
				expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ rsvp: expected, via: 'e-mail reply' });
			}
			const flags = await until(async () => {
				const all = await flagsIn(box.name);
				return [...all.values()].every((f) => f.has(PROCESSED_KEYWORD)) && all.size === 4 && all;
			}, 'every message flagged');
			for (const f of flags.values()) expect(f.has('\\Seen')).toBe(true);
		});

		test('refused and listed with the reason: spoofed sender, stale SEQUENCE, unknown UID, not invited, malformed calendar', async () => {
			const box = await mailbox();
			const { event, jane, ali } = await invitedEvent();
			await box.deliver(
				outlookReply({
					uid: event.ical_uid,
					sequence: 1,
					attendee: jane.address,
					partstat: 'DECLINED',
					from: 'mallory@evil.example'
				})
			);
			await box.deliver(
				outlookReply({ uid: event.ical_uid, sequence: 0, attendee: ali.address, partstat: 'DECLINED' })
			);
			await box.deliver(googleReply({ uid: 'no-such-event@elsewhere', sequence: 0, attendee: jane.address }));
			await box.deliver(
				thunderbirdReply({ uid: event.ical_uid, sequence: 1, attendee: 'stranger@example.com' })
			);
			await box.deliver(malformedReply({ attendee: jane.address }));
			box.start();
			const rows = await until(async () => {
				const all = await recordedByUid(box.name);
				return all.length === 5 && all;
			}, 'five refusals');
			expect(rows.map((r) => r.outcome)).toEqual(['refused', 'refused', 'refused', 'refused', 'refused']);
			expect(rows[0]!.reason).toBe(
				`Sent from mallory@evil.example, not by ${jane.address}: the answer is not taken.`
			);
			expect(rows[1]!.reason).toBe('It answers version 0 of the invitation; version 1 was sent since.');
			expect(rows[2]!.reason).toBe('No event has the UID no-such-event@elsewhere.');
			expect(rows[3]!.reason).toBe('stranger@example.com is not invited to this event.');
			expect(rows[4]!.reason).toMatch(/^The calendar part could not be read: /);
			expect(await rsvpOf(jane.id)).toEqual({ rsvp_status: 'invited', responded_at: null });
			expect(await rsvpOf(ali.id)).toEqual({ rsvp_status: 'invited', responded_at: null });

			const page = await getInboxPage(db, officer, 'refused', { limit: 50 }, true);
			expect(page.messages.items.filter((m) => rows.some((r) => r.id === m.id)).map((m) => m.reason)).toEqual(
				rows.map((r) => r.reason).reverse()
			);
		});

		test('an answer dated ahead of the clock is dated when read; after attendance is recorded, none is taken', async () => {
			const box = await mailbox();
			const { event, jane, ali } = await invitedEvent();
			await db
				.updateTable('event_participant')
				.set({ rsvp_status: 'attended' })
				.where('id', '=', ali.id)
				.execute();
			await box.deliver(
				thunderbirdReply({
					uid: event.ical_uid,
					sequence: 1,
					attendee: jane.address,
					stamp: '2031-01-01T00:00:00.000Z'
				})
			);
			await box.deliver(
				outlookReply({ uid: event.ical_uid, sequence: 1, attendee: ali.address, partstat: 'DECLINED' })
			);
			const before = Date.now();
			box.start();
			const rows = await until(async () => {
				const all = await recorded(event.id);
				return all.length === 2 && all;
			}, 'both answers');
			const answered = await rsvpOf(jane.id);
			expect(answered.rsvp_status).toBe('accepted');
			expect(Date.parse(answered.responded_at!)).toBeGreaterThanOrEqual(before - 1000);
			expect(Date.parse(answered.responded_at!)).toBeLessThanOrEqual(Date.now());
			expect(rows[1]).toMatchObject({ outcome: 'refused', reason: 'Whether they came is recorded already.' });
			expect((await rsvpOf(ali.id)).rsvp_status).toBe('attended');
		});

		test('SENT-BY lets a secretary answer; a delegate answers for whom DELEGATED-FROM names', async () => {
			const box = await mailbox();
			const { event, jane, ali } = await invitedEvent();
			await box.deliver(
				outlookReply({
					uid: event.ical_uid,
					sequence: 1,
					attendee: jane.address,
					partstat: 'ACCEPTED',
					sentBy: 'secretary@example.org',
					from: 'secretary@example.org'
				})
			);
			await box.deliver(
				googleReply({
					uid: event.ical_uid,
					sequence: 1,
					attendee: 'deputy@example.net',
					partstat: 'TENTATIVE',
					delegatedFrom: ali.address
				})
			);
			box.start();
			await until(async () => (await recorded(event.id)).length === 2, 'both answers');
			expect((await rsvpOf(jane.id)).rsvp_status).toBe('accepted');
			expect((await rsvpOf(ali.id)).rsvp_status).toBe('tentative');
		});

		test('a message that is not iTIP is left alone, unread; a huge one is read by its calendar part only', async () => {
			const box = await mailbox();
			const { event, jane } = await invitedEvent();
			const letter = await box.deliver(plainLetter(jane.address));
			const huge = await box.deliver(
				outlookReply(
					{ uid: event.ical_uid, sequence: 1, attendee: jane.address, partstat: 'DECLINED' },
					{ name: 'programme.pdf', content: Buffer.alloc(15 * 1024 * 1024, 0x25) }
				)
			);
			box.start();
			await until(async () => (await recorded(event.id)).length === 1, 'the huge reply');
			expect((await rsvpOf(jane.id)).rsvp_status).toBe('declined');
			const flags = await until(async () => {
				const all = await flagsIn(box.name);
				return all.get(huge)?.has(PROCESSED_KEYWORD) && all;
			}, 'the huge reply flagged');
			expect([...flags.get(letter)!]).toEqual([]);
			expect(await recordedByUid(box.name)).toHaveLength(1);
		});

		test('a COUNTER waits for an officer: accepting moves the event (an update goes out), declining sends DECLINECOUNTER', async () => {
			const box = await mailbox();
			const { event, jane, ali } = await invitedEvent();
			await box.deliver(
				outlookReply({
					uid: event.ical_uid,
					sequence: 1,
					attendee: jane.address,
					method: 'COUNTER',
					start: '2026-12-11T11:00:00.000Z',
					end: '2026-12-11T12:30:00.000Z',
					comment: 'Could we meet on Friday instead?'
				})
			);
			await box.deliver(
				thunderbirdReply({
					uid: event.ical_uid,
					sequence: 1,
					attendee: ali.address,
					method: 'COUNTER',
					start: '2026-12-12T06:00:00.000Z',
					end: '2026-12-12T07:00:00.000Z'
				})
			);
			box.start();
			const [fromJane, fromAli] = await until(async () => {
				const rows = await recorded(event.id);
				return rows.length === 2 && rows;
			}, 'two proposals');
			expect(fromJane).toMatchObject({
				outcome: 'proposed',
				proposed_start_at: '2026-12-11T11:00:00.000Z',
				proposed_end_at: '2026-12-11T12:30:00.000Z',
				comment: 'Could we meet on Friday instead?'
			});
			const waiting = await getInboxPage(db, officer, 'waiting', { limit: 50 }, true);
			expect(waiting.messages.items.map((m) => m.id)).toEqual(
				expect.arrayContaining([fromJane!.id, fromAli!.id])
			);

			await acceptProposal(db, officer, fromJane!.id);
			const moved = await db
				.selectFrom('event')
				.select(['start_at', 'end_at', 'ical_sequence'])
				.where('id', '=', event.id)
				.executeTakeFirstOrThrow();
			expect(moved).toEqual({
				start_at: '2026-12-11T11:00:00.000Z',
				end_at: '2026-12-11T12:30:00.000Z',
				ical_sequence: 2
			});
			const updates = await db
				.selectFrom('outbox_message')
				.select(['kind', 'method', 'to_address', 'sequence'])
				.where('event_id', '=', event.id)
				.orderBy('id')
				.execute();
			expect(updates).toEqual([
				{ kind: 'update', method: 'REQUEST', to_address: jane.address, sequence: 2 },
				{ kind: 'update', method: 'REQUEST', to_address: ali.address, sequence: 2 }
			]);

			await declineProposal(db, officer, fromAli!.id);
			const declined = await db
				.selectFrom('outbox_message')
				.select(['kind', 'method', 'to_address', 'ics'])
				.where('event_id', '=', event.id)
				.where('kind', '=', 'proposal_declined')
				.executeTakeFirstOrThrow();
			expect(declined).toMatchObject({ method: 'DECLINECOUNTER', to_address: ali.address });
			const sent = parseItip(declined.ics!);
			expect(sent).toMatchObject({ method: 'DECLINECOUNTER', uid: event.ical_uid, sequence: 2 });
			expect(sent.attendees.map((a) => a.address)).toEqual([ali.address]);
			await expect(declineProposal(db, officer, fromAli!.id)).rejects.toThrow('declined already');
		});

		test('a REFRESH queues the current invitation to that attendee again', async () => {
			const box = await mailbox();
			const { event, ali } = await invitedEvent();
			await box.deliver(
				appleReply({ uid: event.ical_uid, sequence: 0, attendee: ali.address, method: 'REFRESH' })
			);
			box.start();
			await until(async () => (await recorded(event.id))[0]?.outcome === 'refreshed', 'the refresh');
			const queued = await db
				.selectFrom('outbox_message')
				.select(['kind', 'method', 'to_address', 'sequence'])
				.where('event_id', '=', event.id)
				.execute();
			expect(queued).toEqual([
				{ kind: 'invitation', method: 'REQUEST', to_address: ali.address, sequence: 1 }
			]);
		});

		test('exactly once: a message recorded before a crash is only flagged; a restart and two workers repeat nothing', async () => {
			const box = await mailbox({ IMAP_PROCESSED_FOLDER: `${engine.engine}-processed` });
			const events = await Promise.all([1, 2, 3, 4, 5, 6].map(() => invitedEvent()));
			const uids = [];
			for (const { event, jane } of events) {
				uids.push(
					await box.deliver(
						outlookReply({ uid: event.ical_uid, sequence: 1, attendee: jane.address, partstat: 'DECLINED' })
					)
				);
			}
			// The first was applied and recorded two minutes ago, then its process died before marking it in
			// the mailbox: its hold on the marking has run out.
			const first = events[0]!;
			const uidValidity = await (async () => {
				const imap = await dovecot.client();
				try {
					return Number((await imap.mailboxOpen(box.name)).uidValidity);
				} finally {
					await imap.logout();
				}
			})();
			const crashed = await applyItipMessage(
				db,
				{
					mailbox: inboxSettings({ IMAP_URL: box.url })!.mailboxKey,
					uidValidity,
					uid: uids[0]!,
					messageId: null,
					from: first.jane.address,
					subject: 'Declined',
					calendar: parseItip(
						`BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:${first.event.ical_uid}\r\nSEQUENCE:1\r\nDTSTAMP:20261201T080000Z\r\nATTENDEE;PARTSTAT=DECLINED:mailto:${first.jane.address}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`
					)
				},
				new Date(Date.now() - 120_000)
			);
			expect(crashed).toEqual({ outcome: 'applied', mark: true });

			// Two processes read the same mailbox at once.
			const one = box.start();
			const two = box.start();
			await until(
				async () => (await flagsIn(box.name)).size === 0,
				'every message moved to the processed folder'
			);
			await Promise.all([one.stop(), two.stop()]);
			// And after a restart, nothing is read again.
			const again = box.start();
			await new Promise((resolve) => setTimeout(resolve, 1000));
			await again.stop();

			const rows = await recordedByUid(box.name);
			expect(rows.map((r) => r.uid)).toEqual(uids);
			expect(rows.every((r) => r.outcome === 'applied')).toBe(true);
			for (const { jane } of events) {
				expect((await rsvpOf(jane.id)).rsvp_status).toBe('declined');
				const audits = await db
					.selectFrom('audit_entry')
					.select('id')
					.where('entity_type', '=', 'event_participant')
					.where('entity_id', '=', jane.id)
					.execute();
				expect(audits).toHaveLength(1);
			}
			const processed = await flagsIn(`${engine.engine}-processed`);
			expect(processed.size).toBe(6);
			for (const f of processed.values()) {
				expect([...f].filter((flag) => flag !== '\\Recent').sort()).toEqual(
					[PROCESSED_KEYWORD, '\\Seen'].sort()
				);
			}
		});
	});
	describe('the connection, on SQLite (the database plays no part here)', () => {
		let handle: TestDatabase;
		beforeAll(async () => {
			handle = await engines[0]!.open();
		});
		afterAll(() => handle?.cleanup());

		async function guestOf(db: Db) {
			const event = await insertEvent(db, { online_url: 'https://meet.example.org/x', ical_sequence: 0 });
			const person = await insertPerson(db, { email: `guest.${event.id}@example.org` });
			const { id } = await db
				.insertInto('event_participant')
				.values({ event_id: event.id, person_id: person.id, role: 'guest', ...stamps() })
				.returning('id')
				.executeTakeFirstOrThrow();
			const rsvp = async () =>
				(
					await db
						.selectFrom('event_participant')
						.select('rsvp_status')
						.where('id', '=', id)
						.executeTakeFirstOrThrow()
				).rsvp_status;
			return {
				reply: () => googleReply({ uid: event.ical_uid, sequence: 0, attendee: person.email! }),
				rsvp
			};
		}

		test('a server without IDLE is polled', async () => {
			const server = await startDovecot({ idle: false });
			const worker = startInboxWorker(
				handle.db,
				inboxSettings({ IMAP_URL: server.url, IMAP_POLL_INTERVAL_MS: '300' })!,
				quiet
			);
			try {
				const guest = await guestOf(handle.db);
				await new Promise((resolve) => setTimeout(resolve, 500));
				await server.deliver(guest.reply());
				await until(async () => (await guest.rsvp()) === 'accepted', 'the answer, polled');
			} finally {
				await worker.stop();
				await server.stop();
			}
		});

		test('a lost connection is made again, and what came meanwhile is read', async () => {
			const server = await startDovecot();
			const warnings: string[] = [];
			const worker = startInboxWorker(
				handle.db,
				// Polling far apart: only IDLE on the new connection can bring the answer in time.
				inboxSettings({ IMAP_URL: server.url, IMAP_POLL_INTERVAL_MS: '600000' })!,
				{ ...quiet, warn: (...args: unknown[]) => warnings.push(String(args.at(-1))) }
			);
			try {
				const before = await guestOf(handle.db);
				await server.deliver(before.reply());
				await until(async () => (await before.rsvp()) === 'accepted', 'the first answer');
				await server.restart(1500);
				const after = await guestOf(handle.db);
				await server.deliver(after.reply());
				await until(async () => (await after.rsvp()) === 'accepted', 'the answer after reconnecting');
				expect(warnings).toContain('inbox: the IMAP connection closed; connecting again');
			} finally {
				await worker.stop();
				await server.stop();
			}
		});

		test('stopping logs out and looks no more', async () => {
			const server = await startDovecot();
			const worker = startInboxWorker(
				handle.db,
				inboxSettings({ IMAP_URL: server.url, IMAP_POLL_INTERVAL_MS: '300' })!,
				quiet
			);
			try {
				const guest = await guestOf(handle.db);
				await new Promise((resolve) => setTimeout(resolve, 500));
				await worker.stop();
				await server.deliver(guest.reply());
				await new Promise((resolve) => setTimeout(resolve, 1500));
				expect(await guest.rsvp()).toBe('invited');
			} finally {
				await server.stop();
			}
		});
	});
});
