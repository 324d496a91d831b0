/**
 * Partners' invitations imported on both engines (src/lib/server/inbox/invitation-import.service.ts):
 * the draft event with its people matched by address, a later update and a cancellation of the same UID
 * changing that event, a recurring invitation as a series, refusals that write nothing, and roles.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Database } from '$lib/server/db/schema';
import { Forbidden, RuleViolation } from '$lib/server/errors';
import { importInvitation, previewInvitation } from '$lib/server/inbox/invitation-import.service';
import { sendInvitations } from '$lib/server/invitations/invitation.service';
import { officer } from '../helpers/actors';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertPerson, insertVenue } from '../helpers/factories';
import { googleInvitation, outlookInvitation } from '../helpers/partner-invitations';

process.env.ORGANIZER_EMAIL = 'protocol@migration.example';
const viewer = { ...officer, role: 'viewer' as const };
const now = new Date('2027-09-01T00:00:00Z');

describeEachEngine('importing a partner’s invitation', (engine) => {
	let handle: TestDatabase;
	let db: Kysely<Database>;
	beforeAll(async () => {
		handle = await engine.open();
		db = handle.db;
	});
	afterAll(() => handle?.cleanup());

	const eventsOf = (uid: string) =>
		db
			.selectFrom('event')
			.select([
				'id',
				'title',
				'start_at',
				'end_at',
				'time_zone',
				'status',
				'venue_id',
				'series_id',
				'ical_uid',
				'ical_sequence',
				'import_sequence',
				'import_occurrence'
			])
			.where('import_uid', '=', uid)
			.orderBy('start_at')
			.execute();
	const outboxOf = (eventId: number) =>
		db
			.selectFrom('outbox_message')
			.select(['kind', 'method', 'sequence', 'ics'])
			.where('event_id', '=', eventId)
			.orderBy('id')
			.execute();
	const participantsOf = (eventId: number) =>
		db
			.selectFrom('event_participant as p')
			.innerJoin('person', 'person.id', 'p.person_id')
			.select([
				'person.id as person_id',
				'person.email',
				'person.given_name',
				'person.family_name',
				'p.role',
				'p.rsvp_status'
			])
			.where('p.event_id', '=', eventId)
			.orderBy('person.email')
			.execute();

	test('an invitation of whole days (DTSTART;VALUE=DATE) becomes an all-day event of those dates', async () => {
		const uid = `council-${engine.engine}@partner.example`;
		const ics = [
			'BEGIN:VCALENDAR',
			'VERSION:2.0',
			'PRODID:-//Partner//Calendar//EN',
			'METHOD:REQUEST',
			'BEGIN:VEVENT',
			`UID:${uid}`,
			'SEQUENCE:0',
			'DTSTAMP:20270901T080000Z',
			'DTSTART;VALUE=DATE:20271205',
			'DTEND;VALUE=DATE:20271209',
			'SUMMARY:Council session',
			'ORGANIZER;CN=Council Secretariat:mailto:secretariat@council.example',
			'ATTENDEE;RSVP=TRUE:mailto:protocol@migration.example',
			'END:VEVENT',
			'END:VCALENDAR',
			''
		].join('\r\n');
		await importInvitation(db, officer, ics, now);
		const event = await db
			.selectFrom('event')
			.select(['all_day', 'start_at', 'end_at', 'time_zone'])
			.where('import_uid', '=', uid)
			.executeTakeFirstOrThrow();
		expect(event.all_day).toBe(1);
		// Midnight of 5 December to midnight after 8 December, in the zone it is placed in.
		const local = (instant: string) =>
			new Intl.DateTimeFormat('sv-SE', {
				timeZone: event.time_zone,
				dateStyle: 'short',
				timeStyle: 'short'
			}).format(new Date(instant));
		expect([local(event.start_at), local(event.end_at)]).toEqual(['2027-12-05 00:00', '2027-12-09 00:00']);
	});

	test('import, then an update, then a cancellation of the same UID: one event, changed, then cancelled', async () => {
		const uid = `040000008200E00074C5B7101A82E008-${engine.engine}-1`;
		const known = await insertPerson(db, {
			given_name: 'Anna',
			family_name: 'Keller',
			email: 'Anna.Keller@BAMF.example'
		});
		const venue = await insertVenue(db, { name: 'Ministry of Foreign Affairs', time_zone: 'Asia/Baku' });
		const attendees = [
			{ name: 'Protocol Office', email: 'protocol@migration.example' },
			{ name: 'Jonas Weber', email: `jonas.weber.${engine.engine}@bamf.example`, role: 'OPT-PARTICIPANT' }
		];
		const first = outlookInvitation({
			uid,
			sequence: 0,
			location: 'Ministry of Foreign Affairs, Baku',
			attendees
		});

		const preview = await previewInvitation(db, officer, first, now);
		expect(preview).toMatchObject({
			action: 'create',
			startAt: '2027-10-12T06:00:00.000Z',
			timeZone: 'Asia/Baku',
			zoneGiven: 'Azerbaijan Standard Time',
			venue: { id: venue.id, name: 'Ministry of Foreign Affairs' },
			organizer: { address: 'anna.keller@bamf.example', person: { id: known.id } }
		});
		expect(preview.attendees.map((a) => [a.address, a.person])).toEqual([
			[`jonas.weber.${engine.engine}@bamf.example`, null]
		]);
		expect(await eventsOf(uid)).toEqual([]);

		const created = await importInvitation(db, officer, first, now);
		const [event] = await eventsOf(uid);
		expect(created).toEqual({ action: 'create', eventId: event!.id, events: 1 });
		expect(event).toMatchObject({
			title: 'Consultations on labour migration',
			start_at: expect.stringMatching(/^2027-10-12T06:00:00/),
			time_zone: 'Asia/Baku',
			status: 'draft',
			venue_id: venue.id,
			series_id: null,
			import_sequence: 0,
			import_occurrence: ''
		});
		// The event keeps a UID of its own for the office's invitations; the partner's is import_uid.
		expect(event!.ical_uid).not.toBe(uid);
		const people = await participantsOf(event!.id);
		expect(people.map((p) => [p.email!.toLowerCase(), p.role, p.rsvp_status])).toEqual([
			['anna.keller@bamf.example', 'host', 'accepted'],
			[`jonas.weber.${engine.engine}@bamf.example`, 'observer', 'invited']
		]);
		expect(people[0]!.person_id).toBe(known.id);
		expect([people[1]!.given_name, people[1]!.family_name]).toEqual(['Jonas', 'Weber']);

		// The office invites those people itself: its invitation is its own calendar object, with its own UID
		// and the office as ORGANIZER, never the partner's UID (a guest's copy of theirs would be overwritten).
		expect((await sendInvitations(db, officer, event!.id, { now })).queued).toBe(2);
		const invitations = await outboxOf(event!.id);
		expect(invitations.map((m) => [m.kind, m.method])).toEqual([
			['invitation', 'REQUEST'],
			['invitation', 'REQUEST']
		]);
		for (const m of invitations) {
			expect(m.ics).toContain(`UID:${event!.ical_uid}`);
			expect(m.ics).not.toContain(uid);
			expect(m.ics).toMatch(/ORGANIZER;CN=[^:]*:mailto:protocol@migration\.example/);
		}

		// The same version again changes nothing and is refused with why.
		await expect(importInvitation(db, officer, first, now)).rejects.toThrow('is imported already');

		const moved = outlookInvitation({
			uid,
			sequence: 1,
			start: '20271013T150000',
			end: '20271013T160000',
			summary: 'Consultations (moved)',
			attendees
		});
		expect((await previewInvitation(db, officer, moved, now)).action).toBe('update');
		const updated = await importInvitation(db, officer, moved, now);
		expect(updated).toEqual({ action: 'update', eventId: event!.id, events: 1 });
		const [after] = await eventsOf(uid);
		expect(after).toMatchObject({
			id: event!.id,
			title: 'Consultations (moved)',
			start_at: expect.stringMatching(/^2027-10-13T11:00:00/),
			end_at: expect.stringMatching(/^2027-10-13T12:00:00/),
			status: 'draft',
			import_sequence: 1,
			ical_sequence: event!.ical_sequence + 1
		});
		expect(await participantsOf(event!.id)).toHaveLength(2);
		// Those the office invited get the new time as an update of the office's own invitation.
		const updates = (await outboxOf(event!.id)).filter((m) => m.kind === 'update');
		expect(updates).toHaveLength(2);
		expect(
			updates.every((m) => m.sequence === after!.ical_sequence && m.ics?.includes(`UID:${event!.ical_uid}`))
		).toBe(true);

		// An older version arriving late changes nothing.
		await expect(importInvitation(db, officer, first, now)).rejects.toThrow(/older version/);

		const cancel = outlookInvitation({ uid, sequence: 2, method: 'CANCEL', attendees });
		expect((await importInvitation(db, officer, cancel, now)).action).toBe('cancel');
		const [cancelled] = await eventsOf(uid);
		expect([cancelled!.id, cancelled!.status, cancelled!.import_sequence]).toEqual([
			event!.id,
			'cancelled',
			2
		]);
		const audit = await db
			.selectFrom('audit_entry')
			.select('action')
			.where('entity_type', '=', 'event')
			.where('entity_id', '=', event!.id)
			.orderBy('id')
			.execute();
		expect(audit.map((a) => a.action)).toEqual([
			'event.import',
			'invitation.send',
			'event.import_update',
			'event.import_cancel'
		]);
	});

	test('a recurring invitation becomes a series; its update moves, adds and cancels occurrences by RECURRENCE-ID', async () => {
		const uid = `weekly-${engine.engine}@google.com`;
		const first = googleInvitation({
			uid,
			summary: `Weekly coordination ${engine.engine}`,
			start: '20271005T100000',
			end: '20271005T110000',
			rrule: 'FREQ=WEEKLY;COUNT=4',
			exdates: ['20271012T100000']
		});
		const created = await importInvitation(db, officer, first, now);
		expect(created.events).toBe(3);
		const series = await eventsOf(uid);
		expect(series.map((e) => e.start_at.toString().slice(0, 16))).toEqual([
			'2027-10-05T08:00',
			'2027-10-19T08:00',
			'2027-10-26T08:00'
		]);
		expect(new Set(series.map((e) => e.series_id)).size).toBe(1);
		expect(series[0]!.series_id).not.toBeNull();

		// The update drops the 19th (now an EXDATE) and extends the rule by one week.
		const second = googleInvitation({
			uid,
			sequence: 1,
			summary: `Weekly coordination ${engine.engine}`,
			start: '20271005T100000',
			end: '20271005T110000',
			rrule: 'FREQ=WEEKLY;COUNT=5',
			exdates: ['20271012T100000', '20271019T100000']
		});
		expect((await importInvitation(db, officer, second, now)).action).toBe('update');
		const after = await eventsOf(uid);
		expect(after.map((e) => [e.start_at.toString().slice(0, 16), e.status])).toEqual([
			['2027-10-05T08:00', 'draft'],
			['2027-10-19T08:00', 'cancelled'],
			['2027-10-26T08:00', 'draft'],
			['2027-11-02T09:00', 'draft']
		]);
		expect(new Set(after.map((e) => e.series_id)).size).toBe(1);
	});

	test('bad input and a viewer: refused with why, nothing written', async () => {
		const count = async () =>
			Number(
				(
					await db
						.selectFrom('event')
						.select((eb) => eb.fn.countAll().as('n'))
						.executeTakeFirstOrThrow()
				).n
			);
		const before = await count();
		const refusal = await importInvitation(db, officer, 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', now).catch(
			(e: unknown) => e
		);
		expect(refusal).toBeInstanceOf(RuleViolation);
		expect((refusal as RuleViolation).fields).toEqual({ source: 'The calendar holds no event (no VEVENT).' });
		await expect(
			importInvitation(db, officer, outlookInvitation({ uid: 'x' }, 'Atlantis Time'), now)
		).rejects.toThrow(/Atlantis Time/);
		await expect(
			importInvitation(db, officer, outlookInvitation({ uid: 'never', method: 'CANCEL' }), now)
		).rejects.toThrow(/never imported/);
		await expect(importInvitation(db, viewer, outlookInvitation({ uid: 'v' }), now)).rejects.toBeInstanceOf(
			Forbidden
		);
		await expect(previewInvitation(db, viewer, outlookInvitation({ uid: 'v' }), now)).rejects.toBeInstanceOf(
			Forbidden
		);
		expect(await count()).toBe(before);
	});
});
