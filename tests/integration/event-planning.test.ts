/**
 * Planning an event in the domain, on both engines: creating one (and every way the form can be wrong),
 * editing it against a version, moving it with its agenda (across a change to summer time too),
 * postponing, cancelling and reinstating it, duplicating last year's International Migrants Day, being
 * warned of clashes and saving anyway, and deleting it.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { zonedToInstant } from '$lib/format/datetime';
import type { Database } from '$lib/server/db/schema';
import { loadDemoData } from '$lib/server/demo/demo.service';
import { RuleViolation, StaleRecord } from '$lib/server/errors';
import { emptyEventForm } from '$lib/server/events/event-form.view';
import { findDuplicateForm, findEventForm } from '$lib/server/events/event-read.service';
import { EventFormInput, type EventFormValues, type EventInput } from '$lib/server/events/event.input';
import { followMove, retitleForYear } from '$lib/server/events/event.schedule';
import {
	changeEventStatus,
	deleteEvent,
	duplicateEvent,
	reviseEvent,
	scheduleEvent
} from '$lib/server/events/event.service';
import { fieldErrors } from '$lib/server/validation';
import { officer, otherOfficer } from '../helpers/actors';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';

/** The form as an officer fills it, with sensible values for whatever the test leaves out. */
function filled(values: Partial<EventFormValues>): EventFormValues {
	return {
		...emptyEventForm(),
		kind: 'bilateral_meeting',
		title: 'Meeting with the IOM Chief of Mission',
		start: '2026-05-12T10:00',
		end: '2026-05-12T11:00',
		...values
	};
}

function parsed(values: Partial<EventFormValues>): EventInput {
	const result = EventFormInput.safeParse(filled(values));
	if (!result.success) throw new Error(`form refused: ${JSON.stringify(fieldErrors(result.error))}`);
	return result.data;
}

function refusal(values: Partial<EventFormValues>): Record<string, string> {
	const result = EventFormInput.safeParse(filled(values));
	if (result.success) throw new Error('the form was accepted');
	return fieldErrors(result.error);
}

async function refusedBy(promise: Promise<unknown>): Promise<RuleViolation> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(RuleViolation);
	return error as RuleViolation;
}

async function saved(promise: ReturnType<typeof scheduleEvent>): Promise<number> {
	const outcome = await promise;
	if (!outcome.saved) throw new Error(`held back by clashes: ${JSON.stringify(outcome.clashes)}`);
	return outcome.eventId;
}

const count = async (db: Kysely<Database>, table: 'event' | 'audit_entry' | 'venue' | 'event_series') =>
	Number(
		(
			await db
				.selectFrom(table)
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow()
		).n
	);

const eventRow = (db: Kysely<Database>, id: number) =>
	db.selectFrom('event').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

const auditOf = (db: Kysely<Database>, eventId: number) =>
	db
		.selectFrom('audit_entry')
		.selectAll()
		.where('event_id', '=', eventId)
		.orderBy('id')
		.execute()
		.then((rows) =>
			rows.map((r) => ({
				action: r.action,
				actor: r.actor_label,
				before: r.before_json ? JSON.parse(r.before_json) : null,
				after: r.after_json ? JSON.parse(r.after_json) : null
			}))
		);

describe('times inside a moved event', () => {
	test('keep their wall-clock distance from the start across a change to summer time', () => {
		// A two-day meeting in Geneva over the night summer time begins (Sunday 29 March 2026)…
		const fromStart = zonedToInstant('2026-03-28T10:00', 'Europe/Zurich');
		const sundayMorning = zonedToInstant('2026-03-29T10:00', 'Europe/Zurich');
		// …moved a week earlier, when both days are in winter time.
		const toStart = zonedToInstant('2026-03-21T10:00', 'Europe/Zurich');
		const moved = followMove(sundayMorning, {
			fromStart,
			toStart,
			fromZone: 'Europe/Zurich',
			toZone: 'Europe/Zurich'
		});
		expect(moved).toBe(zonedToInstant('2026-03-22T10:00', 'Europe/Zurich'));
		// A shift by the same number of milliseconds would have put it at 09:00.
		expect(
			new Date(Date.parse(sundayMorning) + Date.parse(toStart) - Date.parse(fromStart)).toISOString()
		).toBe(zonedToInstant('2026-03-22T09:00', 'Europe/Zurich'));
	});

	test('a title keeps its pattern with the year moved on, and only the year', () => {
		expect(retitleForYear('International Migrants Day 2021', 2021, 2022)).toBe(
			'International Migrants Day 2022'
		);
		expect(retitleForYear('20th anniversary of the 2021 agreement', 2021, 2022)).toBe(
			'20th anniversary of the 2022 agreement'
		);
		expect(retitleForYear('Annual consultations', 2021, 2022)).toBe('Annual consultations');
		expect(retitleForYear('Session 120210', 2021, 2022)).toBe('Session 120210');
	});
});

describe('the event form refuses', () => {
	test('a form without a venue and without an online link, beside both fields', () => {
		const errors = refusal({ venueId: '', onlineUrl: '', timeZone: 'Asia/Baku' });
		expect(errors.venueId).toBe('Give a venue or an online link (or both).');
		expect(errors.onlineUrl).toBe('Give a venue or an online link (or both).');
	});

	test('an online link that is not a web address', () => {
		for (const url of ['javascript:alert(1)', 'ftp://files.example.org/x', 'meet.example.org']) {
			expect(refusal({ onlineUrl: url, timeZone: 'UTC' }).onlineUrl).toBe(
				'Enter a web address starting with https:// or http://.'
			);
		}
		expect(
			EventFormInput.safeParse(filled({ onlineUrl: 'https://meet.example.org/imd', timeZone: 'UTC' })).success
		).toBe(true);
	});

	test('a time zone that is not an IANA zone', () => {
		for (const zone of ['Mars/Olympus_Mons', 'UTC+4', 'GMT+04:00', '<script>']) {
			expect(refusal({ onlineUrl: 'https://meet.example.org', timeZone: zone }).timeZone).toMatch(/IANA/);
		}
	});

	test('an online event whose zone is left to a venue it does not have', () => {
		expect(refusal({ onlineUrl: 'https://meet.example.org', timeZone: '' }).timeZone).toMatch(
			/without a venue/
		);
	});

	test('times that are not dates, and a missing title', () => {
		const errors = refusal({ title: '  ', start: '2026-02-30T10:00', end: 'tomorrow', timeZone: 'UTC' });
		expect(errors.title).toBe('Title is required.');
		expect(errors.start).toBe('There is no such date or time.');
		expect(errors.end).toBe('Enter the end as a date and a time.');
	});

	test('a new venue described only in part', () => {
		const errors = refusal({
			venueId: 'new',
			newVenueName: 'Gulustan Palace',
			newVenueCountry: 'Azerbaijan'
		});
		expect(errors.newVenueCity).toBe('City is required.');
		expect(errors.newVenueCountry).toBe('Enter the two-letter country code, such as AZ or CH.');
		expect(errors.newVenueTimeZone).toBe('Venue time zone is required.');
	});

	test('a postponement or cancellation without a reason', () => {
		expect(refusal({ venueId: '1', status: 'cancelled' }).statusReason).toMatch(
			/Say why the event is cancelled/
		);
	});

	test('an organisation named as host and co-host, or twice', () => {
		expect(refusal({ venueId: '1', hosts: ['3'], coHosts: ['3'] }).coHosts).toMatch(/not both/);
		expect(refusal({ venueId: '1', hosts: ['3', '3'] }).hosts).toBe('Each organisation may be named once.');
	});
});

describeEachEngine('planning an event', (engine) => {
	let handle: TestDatabase;
	let db: Kysely<Database>;
	const ids = {
		smsHq: 0,
		geneva: 0,
		sms: 0,
		iom: 0,
		iomAzerbaijan: 0,
		imdSeries: 0,
		imd2021: 0,
		huseynov: 0
	};

	beforeAll(async () => {
		handle = await engine.open();
		db = handle.db;
		await loadDemoData(db);
		const venue = (name: string) =>
			db.selectFrom('venue').select('id').where('name', '=', name).executeTakeFirstOrThrow();
		const organization = (acronym: string) =>
			db.selectFrom('organization').select('id').where('acronym', '=', acronym).executeTakeFirstOrThrow();
		ids.smsHq = (await venue('State Migration Service headquarters')).id;
		ids.geneva = (await venue('Geneva (venue not stated)')).id;
		ids.sms = (await organization('SMS')).id;
		ids.iom = (await organization('IOM')).id;
		ids.iomAzerbaijan = (
			await db
				.selectFrom('organization')
				.select('id')
				.where('name', 'like', '%IOM%Azerbaijan%')
				.executeTakeFirstOrThrow()
		).id;
		ids.imdSeries = (
			await db
				.selectFrom('event_series')
				.select('id')
				.where('name', '=', 'International Migrants Day')
				.executeTakeFirstOrThrow()
		).id;
		ids.imd2021 = (
			await db
				.selectFrom('event')
				.select('id')
				.where('title', '=', 'International Migrants Day 2021')
				.executeTakeFirstOrThrow()
		).id;
		ids.huseynov = (
			await db
				.selectFrom('person')
				.select('id')
				.where('family_name', '=', 'Huseynov')
				.executeTakeFirstOrThrow()
		).id;
	});
	afterAll(() => handle.cleanup());

	/** A one-hour meeting at the SMS headquarters on a day nothing else happens. */
	const meeting = (day: string, values: Partial<EventFormValues> = {}) =>
		parsed({
			venueId: String(ids.smsHq),
			start: `${day}T10:00`,
			end: `${day}T11:00`,
			...values
		});

	describe('creating', () => {
		test('an event is created with every field, in its venue’s zone, its hosts in order, and audited', async () => {
			const eventId = await saved(
				scheduleEvent(
					db,
					officer,
					parsed({
						kind: 'observance',
						title: 'Migration Week 2027',
						theme: 'Migrants contribute',
						description: 'Held at the SMS.\nSecond line.',
						start: '2027-06-15T10:00',
						end: '2027-06-15T12:30',
						timeZone: '',
						timing: 'time_assumed',
						venueId: String(ids.smsHq),
						onlineUrl: 'https://meet.example.org/week-2027',
						status: 'confirmed',
						seriesId: String(ids.imdSeries),
						isPublic: true,
						hosts: [String(ids.sms), ''],
						coHosts: [String(ids.iomAzerbaijan), String(ids.iom)]
					})
				)
			);
			const row = await eventRow(db, eventId);
			expect(row).toMatchObject({
				kind: 'observance',
				title: 'Migration Week 2027',
				theme: 'Migrants contribute',
				description: 'Held at the SMS.\nSecond line.',
				start_at: '2027-06-15T06:00:00.000Z',
				end_at: '2027-06-15T08:30:00.000Z',
				time_zone: 'Asia/Baku',
				timing: 'time_assumed',
				venue_id: ids.smsHq,
				online_url: 'https://meet.example.org/week-2027',
				status: 'confirmed',
				status_reason: null,
				series_id: ids.imdSeries,
				is_public: 1,
				ical_sequence: 0,
				version: 1
			});
			expect(row.ical_uid).toMatch(/^[0-9a-f-]{36}@protokol$/);
			const form = await findEventForm(db, eventId);
			expect(form!.values.hosts).toEqual([String(ids.sms)]);
			expect(form!.values.coHosts).toEqual([String(ids.iomAzerbaijan), String(ids.iom)]);
			expect(form!.values.start).toBe('2027-06-15T10:00');
			const [entry] = await auditOf(db, eventId);
			expect(entry).toMatchObject({
				action: 'event.create',
				actor: officer.label,
				after: { title: 'Migration Week 2027', start_at: '2027-06-15T06:00:00.000Z' }
			});
		});

		test('a new venue and a new series are created with it, and a series named again is found, not doubled', async () => {
			const venues = await count(db, 'venue');
			const series = await count(db, 'event_series');
			const first = await saved(
				scheduleEvent(
					db,
					officer,
					parsed({
						start: '2026-06-01T09:00',
						end: '2026-06-01T10:00',
						venueId: 'new',
						newVenueName: 'Palais des Nations',
						newVenueCity: 'Geneva',
						newVenueCountry: 'ch',
						newVenueTimeZone: 'Europe/Zurich',
						seriesId: 'new',
						newSeriesName: 'Consultations with UNHCR'
					})
				)
			);
			const row = await eventRow(db, first);
			expect(row.time_zone).toBe('Europe/Zurich');
			expect(row.start_at).toBe('2026-06-01T07:00:00.000Z');
			const venue = await db
				.selectFrom('venue')
				.selectAll()
				.where('id', '=', row.venue_id!)
				.executeTakeFirstOrThrow();
			expect(venue).toMatchObject({
				name: 'Palais des Nations',
				country_code: 'CH',
				time_zone: 'Europe/Zurich'
			});
			const second = await saved(
				scheduleEvent(
					db,
					officer,
					parsed({
						start: '2027-06-01T09:00',
						end: '2027-06-01T10:00',
						venueId: String(row.venue_id),
						newSeriesName: 'consultations with unhcr'
					})
				)
			);
			expect((await eventRow(db, second)).series_id).toBe(row.series_id);
			expect(await count(db, 'venue')).toBe(venues + 1);
			expect(await count(db, 'event_series')).toBe(series + 1);
		});

		test('an end before the start, or records that do not exist, are refused and nothing is written', async () => {
			const [events, audit] = [await count(db, 'event'), await count(db, 'audit_entry')];
			const early = await refusedBy(
				scheduleEvent(db, officer, meeting('2026-07-01', { end: '2026-07-01T09:00' }))
			);
			expect(early.fields).toEqual({ end: 'The end must be after the start.' });
			const missing = await refusedBy(
				scheduleEvent(
					db,
					officer,
					meeting('2026-07-01', {
						venueId: '999999',
						seriesId: '999998',
						hosts: [String(ids.sms), '999997']
					})
				)
			);
			expect(Object.keys(missing.fields).sort()).toEqual(['hosts', 'seriesId', 'venueId']);
			// A new venue is not left behind by a save refused after it was described.
			await refusedBy(
				scheduleEvent(
					db,
					officer,
					parsed({
						venueId: 'new',
						newVenueName: 'Nowhere Hall',
						newVenueCity: 'Baku',
						newVenueCountry: 'AZ',
						newVenueTimeZone: 'Asia/Baku',
						start: '2026-07-01T10:00',
						end: '2026-07-01T10:00'
					})
				)
			);
			expect(await count(db, 'event')).toBe(events);
			expect(await count(db, 'audit_entry')).toBe(audit);
			expect(await db.selectFrom('venue').select('id').where('name', '=', 'Nowhere Hall').execute()).toEqual(
				[]
			);
		});
	});

	describe('editing', () => {
		test('a save from a form opened before another officer saved is refused as stale, and nothing is written', async () => {
			const eventId = await saved(scheduleEvent(db, officer, meeting('2026-08-03')));
			const opened = (await findEventForm(db, eventId))!.values;
			await saved(reviseEvent(db, otherOfficer, eventId, 1, meeting('2026-08-03', { title: 'Their title' })));
			const before = await eventRow(db, eventId);
			const audit = await count(db, 'audit_entry');

			const error = await reviseEvent(
				db,
				officer,
				eventId,
				Number(opened.version),
				meeting('2026-08-04', { title: 'My title' })
			).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(StaleRecord);
			expect((error as StaleRecord<EventFormValues>).current).toMatchObject({
				title: 'Their title',
				start: '2026-08-03T10:00',
				version: '2'
			});
			expect(await eventRow(db, eventId)).toEqual(before);
			expect(await count(db, 'audit_entry')).toBe(audit);
		});

		test('moving the start moves the end and every timed agenda item with it, and raises the sequence', async () => {
			const eventId = await saved(
				scheduleEvent(db, officer, meeting('2026-09-14', { end: '2026-09-14T12:00' }))
			);
			const now = new Date().toISOString();
			const item = (position: number, start: string | null, end: string | null) => ({
				event_id: eventId,
				position,
				kind: 'speech' as const,
				title: `Item ${position}`,
				start_at: start && zonedToInstant(start, 'Asia/Baku'),
				end_at: end && zonedToInstant(end, 'Asia/Baku'),
				created_at: now,
				updated_at: now
			});
			await db
				.insertInto('agenda_item')
				.values([
					item(1, '2026-09-14T10:00', '2026-09-14T10:30'),
					item(2, '2026-09-14T10:30', null),
					item(3, null, null)
				])
				.execute();

			// Only the start is changed: the event keeps its length.
			await saved(
				reviseEvent(
					db,
					officer,
					eventId,
					1,
					meeting('2026-09-14', { start: '2026-09-16T15:00', end: '2026-09-14T12:00' })
				)
			);
			const row = await eventRow(db, eventId);
			expect(row.start_at).toBe(zonedToInstant('2026-09-16T15:00', 'Asia/Baku'));
			expect(row.end_at).toBe(zonedToInstant('2026-09-16T17:00', 'Asia/Baku'));
			expect(row.ical_sequence).toBe(1);
			const items = await db
				.selectFrom('agenda_item')
				.select(['start_at', 'end_at', 'version'])
				.where('event_id', '=', eventId)
				.orderBy('position')
				.execute();
			expect(items).toEqual([
				{
					start_at: zonedToInstant('2026-09-16T15:00', 'Asia/Baku'),
					end_at: zonedToInstant('2026-09-16T15:30', 'Asia/Baku'),
					version: 2
				},
				{ start_at: zonedToInstant('2026-09-16T15:30', 'Asia/Baku'), end_at: null, version: 2 },
				{ start_at: null, end_at: null, version: 1 }
			]);
			const entry = (await auditOf(db, eventId)).at(-1)!;
			expect(entry.action).toBe('event.update');
			expect(entry.before).toEqual({
				start_at: '2026-09-14T06:00:00.000Z',
				end_at: '2026-09-14T08:00:00.000Z'
			});
			expect(entry.after).toMatchObject({ start_at: '2026-09-16T11:00:00.000Z', agenda_items_moved: 2 });
		});

		test('moved across a change to summer time, the agenda keeps its wall-clock times from the start', async () => {
			// Geneva, Saturday 28 to Sunday 29 March 2026: summer time begins in the night between.
			const geneva = (day: string, values: Partial<EventFormValues> = {}) =>
				parsed({ venueId: String(ids.geneva), start: `${day}T10:00`, ...values });
			const eventId = await saved(
				scheduleEvent(db, officer, geneva('2026-03-28', { end: '2026-03-29T18:00' }))
			);
			const now = new Date().toISOString();
			await db
				.insertInto('agenda_item')
				.values({
					event_id: eventId,
					position: 1,
					kind: 'panel',
					title: 'Sunday morning panel',
					start_at: zonedToInstant('2026-03-29T10:00', 'Europe/Zurich'),
					end_at: zonedToInstant('2026-03-29T11:30', 'Europe/Zurich'),
					created_at: now,
					updated_at: now
				})
				.execute();
			expect(zonedToInstant('2026-03-29T10:00', 'Europe/Zurich')).toBe('2026-03-29T08:00:00.000Z');

			// A week earlier, both days are in winter time.
			await saved(reviseEvent(db, officer, eventId, 1, geneva('2026-03-21', { end: '2026-03-29T18:00' })));
			const row = await eventRow(db, eventId);
			expect(row.end_at).toBe('2026-03-22T17:00:00.000Z');
			const item = await db
				.selectFrom('agenda_item')
				.select(['start_at', 'end_at'])
				.where('event_id', '=', eventId)
				.executeTakeFirstOrThrow();
			expect(item).toEqual({ start_at: '2026-03-22T09:00:00.000Z', end_at: '2026-03-22T10:30:00.000Z' });
		});

		test('a description-only edit does not raise the sequence; a new title does', async () => {
			const eventId = await saved(scheduleEvent(db, officer, meeting('2026-10-05')));
			await saved(
				reviseEvent(db, officer, eventId, 1, meeting('2026-10-05', { description: 'Background notes.' }))
			);
			expect(await eventRow(db, eventId)).toMatchObject({
				ical_sequence: 0,
				version: 2,
				description: 'Background notes.'
			});
			await saved(
				reviseEvent(
					db,
					officer,
					eventId,
					2,
					meeting('2026-10-05', { description: 'Background notes.', title: 'Renamed' })
				)
			);
			expect(await eventRow(db, eventId)).toMatchObject({ ical_sequence: 1, version: 3 });
		});

		test('saving a form that changes nothing writes nothing', async () => {
			const eventId = await saved(scheduleEvent(db, officer, meeting('2026-10-06')));
			const audit = await count(db, 'audit_entry');
			await saved(reviseEvent(db, officer, eventId, 1, meeting('2026-10-06')));
			expect((await eventRow(db, eventId)).version).toBe(1);
			expect(await count(db, 'audit_entry')).toBe(audit);
		});
	});

	describe('postponing, cancelling and reinstating', () => {
		test('postponed and cancelled with a reason that is kept, audited, and raises the sequence; reinstated as planned', async () => {
			const eventId = await saved(scheduleEvent(db, officer, meeting('2026-11-02')));
			await changeEventStatus(db, officer, {
				eventId,
				version: 1,
				change: 'postpone',
				reason: 'The delegation’s flight was cancelled.'
			});
			expect(await eventRow(db, eventId)).toMatchObject({
				status: 'postponed',
				status_reason: 'The delegation’s flight was cancelled.',
				ical_sequence: 1,
				version: 2
			});
			await changeEventStatus(db, officer, {
				eventId,
				version: 2,
				change: 'cancel',
				reason: 'No new date could be agreed.'
			});
			expect(await eventRow(db, eventId)).toMatchObject({
				status: 'cancelled',
				status_reason: 'No new date could be agreed.',
				ical_sequence: 2
			});
			const postponeCancelled = await refusedBy(
				changeEventStatus(db, officer, { eventId, version: 3, change: 'postpone', reason: 'Again' })
			);
			expect(postponeCancelled.message).toMatch(/reinstate it first/);
			await changeEventStatus(db, officer, { eventId, version: 3, change: 'reinstate', reason: null });
			expect(await eventRow(db, eventId)).toMatchObject({
				status: 'planned',
				status_reason: null,
				ical_sequence: 3
			});
			expect((await auditOf(db, eventId)).map((e) => [e.action, e.after?.status_reason ?? null])).toEqual([
				['event.create', null],
				['event.postpone', 'The delegation’s flight was cancelled.'],
				['event.cancel', 'No new date could be agreed.'],
				['event.reinstate', null]
			]);
		});

		test('a held event cannot be cancelled, and a stale version is refused', async () => {
			const error = await refusedBy(
				changeEventStatus(db, officer, {
					eventId: ids.imd2021,
					version: 1,
					change: 'cancel',
					reason: 'Too late'
				})
			);
			expect(error.message).toMatch(/has been held/);
			const eventId = await saved(scheduleEvent(db, officer, meeting('2026-11-03')));
			await expect(
				changeEventStatus(db, officer, { eventId, version: 7, change: 'cancel', reason: 'Stale' })
			).rejects.toBeInstanceOf(StaleRecord);
			expect((await eventRow(db, eventId)).status).toBe('planned');
		});
	});

	describe('duplicating', () => {
		test('next year’s International Migrants Day keeps title pattern, kind, hosts, venue, agenda shape and roles', async () => {
			// Last year's answers and an outcome, which the copy must not take.
			await db
				.updateTable('event_participant')
				.set({ rsvp_status: 'attended', responded_at: '2021-12-10T09:00:00.000Z' })
				.where('event_id', '=', ids.imd2021)
				.execute();
			const now = new Date().toISOString();
			await db
				.insertInto('outcome')
				.values({
					event_id: ids.imd2021,
					kind: 'statement',
					title: 'Migration Profile presented',
					created_at: now,
					updated_at: now
				})
				.execute();
			const source = await eventRow(db, ids.imd2021);

			const form = (await findDuplicateForm(db, ids.imd2021))!;
			expect(form.values).toMatchObject({
				title: 'International Migrants Day 2022',
				kind: 'observance',
				theme: 'Harnessing the potential of human mobility',
				start: '2022-12-17T10:00',
				end: '2022-12-17T12:30',
				timeZone: 'Asia/Baku',
				venueId: String(ids.smsHq),
				seriesId: String(ids.imdSeries),
				hosts: [String(ids.sms)],
				coHosts: [String(ids.iomAzerbaijan)],
				status: 'planned',
				version: ''
			});
			expect(form.source).toMatchObject({ agendaItems: 7, people: 7 });

			const outcome = await duplicateEvent(db, officer, ids.imd2021, parsed(form.values));
			if (!outcome.saved) throw new Error('held back by clashes');
			const copy = await eventRow(db, outcome.eventId);
			expect(copy).toMatchObject({
				title: 'International Migrants Day 2022',
				kind: 'observance',
				description: source.description,
				start_at: '2022-12-17T06:00:00.000Z',
				venue_id: ids.smsHq,
				series_id: ids.imdSeries,
				ical_sequence: 0
			});
			expect(copy.ical_uid).not.toBe(source.ical_uid);

			const agenda = (eventId: number) =>
				db
					.selectFrom('agenda_item')
					.select(['id', 'position', 'kind', 'title', 'start_at', 'end_at'])
					.where('event_id', '=', eventId)
					.orderBy('position')
					.execute();
			const [before, after] = [await agenda(ids.imd2021), await agenda(copy.id)];
			expect(after.map((i) => [i.position, i.kind, i.title])).toEqual(
				before.map((i) => [i.position, i.kind, i.title])
			);
			expect(after[0]).toMatchObject({
				start_at: '2022-12-17T06:00:00.000Z',
				end_at: '2022-12-17T06:15:00.000Z'
			});
			expect(after.at(-1)).toMatchObject({
				start_at: '2022-12-17T07:25:00.000Z',
				end_at: '2022-12-17T08:30:00.000Z'
			});

			const roles = (eventId: number) =>
				db
					.selectFrom('agenda_item_role as r')
					.innerJoin('agenda_item as i', 'i.id', 'r.agenda_item_id')
					.innerJoin('event_participant as p', 'p.id', 'r.participant_id')
					.select(['i.position', 'r.role', 'p.person_id'])
					.where('i.event_id', '=', eventId)
					.orderBy('i.position')
					.orderBy('r.position')
					.execute();
			expect(await roles(copy.id)).toEqual(await roles(ids.imd2021));

			const participants = await db
				.selectFrom('event_participant')
				.select(['person_id', 'role', 'rsvp_status', 'responded_at'])
				.where('event_id', '=', copy.id)
				.execute();
			expect(participants).toHaveLength(7);
			for (const p of participants) expect(p).toMatchObject({ rsvp_status: 'invited', responded_at: null });
			expect(participants.find((p) => p.person_id === ids.huseynov)?.role).toBe('host');

			const linked = async (table: 'outcome' | 'correspondence_event' | 'outcome_follow_up') =>
				(await db.selectFrom(table).select('event_id').where('event_id', '=', copy.id).execute()).length;
			expect(await linked('outcome')).toBe(0);
			expect(await linked('correspondence_event')).toBe(0);
			expect(await linked('outcome_follow_up')).toBe(0);

			const [entry] = await auditOf(db, copy.id);
			expect(entry).toMatchObject({
				action: 'event.duplicate',
				after: { copied_from: ids.imd2021, agenda_items: 7, participants: 7 }
			});
		});
	});

	describe('clashes', () => {
		test('a time that clashes at the same venue is held back with the clash named, then saved anyway and audited', async () => {
			const first = await saved(
				scheduleEvent(db, officer, meeting('2027-02-10', { title: 'Morning briefing' }))
			);
			const events = await count(db, 'event');
			const second = meeting('2027-02-10', {
				title: 'Overlapping visit',
				start: '2027-02-10T10:30',
				end: '2027-02-10T11:30'
			});
			const warned = await scheduleEvent(db, officer, second);
			expect(warned.saved).toBe(false);
			if (warned.saved) return;
			expect(warned.clashes.map((c) => [c.event.title, c.sameVenue, c.event.timeZone])).toEqual([
				['Morning briefing', true, 'Asia/Baku']
			]);
			expect(warned.proposed).toEqual({
				startAt: '2027-02-10T06:30:00.000Z',
				endAt: '2027-02-10T07:30:00.000Z',
				timeZone: 'Asia/Baku',
				allDay: false,
				when: 'Wednesday 10 February 2027, 10:30–11:30 (Asia/Baku, UTC+4)'
			});
			expect(await count(db, 'event')).toBe(events);

			const anyway = await scheduleEvent(db, officer, second, { overrideClashes: true });
			expect(anyway).toMatchObject({ saved: true, clashesOverridden: [first] });
			if (!anyway.saved) return;
			const [entry] = await auditOf(db, anyway.eventId);
			expect(entry!.after).toMatchObject({ clash_overridden: [first] });
		});

		test('moving an event onto a time its participant is booked elsewhere, in another zone, warns with the person named', async () => {
			// The Chief of the Service is at a meeting in Geneva at 10:00 (09:00 UTC) on 28 March 2026.
			const geneva = await saved(
				scheduleEvent(
					db,
					officer,
					parsed({
						title: 'Consultations in Geneva',
						venueId: String(ids.geneva),
						start: '2026-03-28T10:00',
						end: '2026-03-28T11:00'
					})
				)
			);
			const baku = await saved(scheduleEvent(db, officer, meeting('2026-03-27', { title: 'Baku meeting' })));
			const now = new Date().toISOString();
			for (const eventId of [geneva, baku]) {
				await db
					.insertInto('event_participant')
					.values({
						event_id: eventId,
						person_id: ids.huseynov,
						role: 'head_of_delegation',
						created_at: now,
						updated_at: now
					})
					.execute();
			}
			// 13:00 in Baku is 09:00 UTC too.
			const moved = meeting('2026-03-28', {
				title: 'Baku meeting',
				start: '2026-03-28T13:00',
				end: '2026-03-28T14:00'
			});
			const warned = await reviseEvent(db, officer, baku, 1, moved);
			expect(warned.saved).toBe(false);
			if (warned.saved) return;
			expect(warned.clashes).toHaveLength(1);
			expect(warned.clashes[0]).toMatchObject({
				event: {
					id: geneva,
					title: 'Consultations in Geneva',
					timeZone: 'Europe/Zurich',
					startAt: '2026-03-28T09:00:00.000Z'
				},
				sameVenue: false,
				people: [{ id: ids.huseynov, name: 'Mr Vusal Huseynov' }]
			});
			expect((await eventRow(db, baku)).version).toBe(1);

			await saved(reviseEvent(db, officer, baku, 1, moved, { overrideClashes: true }));
			const entry = (await auditOf(db, baku)).at(-1)!;
			expect(entry).toMatchObject({ action: 'event.update', after: { clash_overridden: [geneva] } });
			// The next day Geneva is on summer time: 10:00 there is 08:00 UTC, and 13:00 in Baku no longer clashes.
			await saved(
				reviseEvent(
					db,
					officer,
					geneva,
					1,
					parsed({
						title: 'Consultations in Geneva',
						venueId: String(ids.geneva),
						start: '2026-03-29T10:00',
						end: '2026-03-29T11:00'
					})
				)
			);
			const sunday = await reviseEvent(
				db,
				officer,
				baku,
				2,
				meeting('2026-03-29', { title: 'Baku meeting', start: '2026-03-29T13:00', end: '2026-03-29T14:00' })
			);
			expect(sunday.saved).toBe(true);
		});
	});

	describe('deleting', () => {
		test('an event is deleted with its agenda and participants; its outcomes stay, unlinked; the audit keeps it', async () => {
			const eventId = await saved(
				scheduleEvent(
					db,
					officer,
					meeting('2027-03-01', { title: 'To be deleted', hosts: [String(ids.sms)] })
				)
			);
			const now = new Date().toISOString();
			await db
				.insertInto('agenda_item')
				.values({
					event_id: eventId,
					position: 1,
					kind: 'speech',
					title: 'Only item',
					created_at: now,
					updated_at: now
				})
				.execute();
			const outcome = await db
				.insertInto('outcome')
				.values({
					event_id: eventId,
					kind: 'action_point',
					title: 'Follow up',
					created_at: now,
					updated_at: now
				})
				.returning('id')
				.executeTakeFirstOrThrow();

			await expect(deleteEvent(db, officer, eventId, 9)).rejects.toBeInstanceOf(StaleRecord);
			await deleteEvent(db, officer, eventId, 1);

			expect(await db.selectFrom('event').select('id').where('id', '=', eventId).execute()).toEqual([]);
			expect(
				await db.selectFrom('agenda_item').select('id').where('event_id', '=', eventId).execute()
			).toEqual([]);
			expect(
				await db
					.selectFrom('outcome')
					.select('event_id')
					.where('id', '=', outcome.id)
					.executeTakeFirstOrThrow()
			).toEqual({ event_id: null });
			const entry = (await auditOf(db, eventId)).at(-1)!;
			expect(entry).toMatchObject({
				action: 'event.delete',
				before: { title: 'To be deleted', hosts: [ids.sms], agenda_items: 1, outcomes_unlinked: 1 }
			});
		});
	});
});
