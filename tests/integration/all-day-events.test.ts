/**
 * All-day events through the services on each engine: the form's first and last day saved as local
 * midnights in the event's zone with all_day set, refused when the last day comes first; placed on each
 * of their dates in the month view for viewers anywhere; downloaded as DTSTART;VALUE=DATE; clashing with
 * what happens on those days at the same venue; and turned back into the form's days when edited.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { getCalendarMonth } from '$lib/server/calendar/calendar.service';
import { emptyEventForm } from '$lib/server/events/event-form.view';
import { findEventForm } from '$lib/server/events/event-read.service';
import { EventFormInput, type EventFormValues } from '$lib/server/events/event.input';
import { reviseEvent, scheduleEvent } from '$lib/server/events/event.service';
import { findEventCalendarFile } from '$lib/server/ical/ical.service';
import { fieldErrors } from '$lib/server/validation';
import { officer } from '../helpers/actors';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertVenue } from '../helpers/factories';

function form(values: Partial<EventFormValues>): EventFormValues {
	return {
		...emptyEventForm(),
		kind: 'council_session',
		title: 'Council session',
		timeZone: 'Asia/Baku',
		onlineUrl: 'https://meet.example.org/council',
		allDay: true,
		firstDay: '2026-12-05',
		lastDay: '2026-12-08',
		...values
	};
}

describeEachEngine('all-day events', (engine) => {
	let handle: TestDatabase;
	let sessionId: number;
	let venueId: number;

	beforeAll(async () => {
		handle = await engine.open();
		venueId = (await insertVenue(handle.db, { time_zone: 'Asia/Baku' })).id;
	});
	afterAll(async () => {
		await handle?.cleanup();
	});

	test('first and last day are saved as midnight to midnight after, in the event’s zone', async () => {
		const input = EventFormInput.parse(form({ venueId: String(venueId) }));
		const outcome = await scheduleEvent(handle.db, officer, input);
		if (!outcome.saved) throw new Error('held back by clashes');
		sessionId = outcome.eventId;
		const row = await handle.db
			.selectFrom('event')
			.select(['start_at', 'end_at', 'all_day'])
			.where('id', '=', sessionId)
			.executeTakeFirstOrThrow();
		expect(row).toEqual({
			start_at: '2026-12-04T20:00:00.000Z',
			end_at: '2026-12-08T20:00:00.000Z',
			all_day: 1
		});
	});

	test('a last day before the first, or no date, is named beside its field', () => {
		const refused = (values: Partial<EventFormValues>) => {
			const result = EventFormInput.safeParse(form(values));
			if (result.success) throw new Error('accepted');
			return fieldErrors(result.error);
		};
		expect(refused({ lastDay: '2026-12-04' })).toEqual({
			lastDay: 'The last day cannot be before the first day.'
		});
		expect(refused({ firstDay: '' })).toEqual({ firstDay: 'First day is required.' });
		expect(refused({ firstDay: '2026-02-30' })).toEqual({ firstDay: 'There is no such date.' });
		// The times are not read for an all-day event, nor the days for a timed one.
		expect(EventFormInput.safeParse(form({ start: 'nonsense' })).success).toBe(true);
		expect(refused({ allDay: false })).toEqual({
			start: 'Start is required.',
			end: 'End is required.'
		});
	});

	test('the month view shows the session on each of its four days, in Los Angeles and Kiritimati alike', async () => {
		for (const zone of ['America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Baku']) {
			const month = await getCalendarMonth(handle.db, { year: 2026, month: 12, zone });
			const days = month.weeks
				.flatMap((week) => week.days)
				.filter((day) => day.entries.some((entry) => entry.id === sessionId));
			expect(
				days.map((day) => day.date),
				zone
			).toEqual(['2026-12-05', '2026-12-06', '2026-12-07', '2026-12-08']);
			const entries = days.map((day) => day.entries.find((entry) => entry.id === sessionId)!);
			expect(entries.map((e) => [e.allDay, e.when, e.starts, e.ownTime])).toEqual([
				[true, 'all day', true, null],
				[true, 'all day', false, null],
				[true, 'all day', false, null],
				[true, 'all day', false, null]
			]);
			expect(month.count, zone).toBe(1);
		}
	});

	test('its calendar file has DTSTART;VALUE=DATE and DTEND;VALUE=DATE the day after the last', async () => {
		const file = (await findEventCalendarFile(handle.db, sessionId, {}))!;
		expect(file.text).toContain('DTSTART;VALUE=DATE:20261205\r\n');
		expect(file.text).toContain('DTEND;VALUE=DATE:20261209\r\n');
		expect(file.text).not.toContain('TZID=');
	});

	test('a meeting at the same venue on one of its days clashes with it', async () => {
		const meeting = EventFormInput.parse({
			...emptyEventForm(),
			title: 'Bilateral meeting',
			venueId: String(venueId),
			start: '2026-12-07T10:00',
			end: '2026-12-07T11:00'
		});
		const outcome = await scheduleEvent(handle.db, officer, meeting);
		expect(outcome.saved).toBe(false);
		if (outcome.saved) return;
		expect(outcome.clashes.map((c) => [c.event.id, c.event.allDay, c.sameVenue])).toEqual([
			[sessionId, true, true]
		]);
		// The day after the session is free.
		const after = await scheduleEvent(
			handle.db,
			officer,
			EventFormInput.parse({
				...emptyEventForm(),
				title: 'Bilateral meeting',
				venueId: String(venueId),
				start: '2026-12-09T10:00',
				end: '2026-12-09T11:00'
			})
		);
		expect(after.saved).toBe(true);
	});

	test('edited, the form shows its days; moving the first day keeps its length; unticked, it has times again', async () => {
		const edit = (await findEventForm(handle.db, sessionId))!;
		expect([edit.values.allDay, edit.values.firstDay, edit.values.lastDay]).toEqual([
			true,
			'2026-12-05',
			'2026-12-08'
		]);
		const moved = await reviseEvent(
			handle.db,
			officer,
			sessionId,
			Number(edit.values.version),
			EventFormInput.parse({ ...edit.values, firstDay: '2026-12-12', lastDay: '2026-12-15' }),
			{ overrideClashes: true }
		);
		expect(moved.saved).toBe(true);
		const again = (await findEventForm(handle.db, sessionId))!;
		expect([again.values.firstDay, again.values.lastDay]).toEqual(['2026-12-12', '2026-12-15']);
		const timed = await reviseEvent(
			handle.db,
			officer,
			sessionId,
			Number(again.values.version),
			EventFormInput.parse({
				...again.values,
				allDay: false,
				start: '2026-12-12T10:00',
				end: '2026-12-12T18:00'
			}),
			{ overrideClashes: true }
		);
		expect(timed.saved).toBe(true);
		const row = await handle.db
			.selectFrom('event')
			.select(['start_at', 'end_at', 'all_day', 'ical_sequence'])
			.where('id', '=', sessionId)
			.executeTakeFirstOrThrow();
		expect(row).toEqual({
			start_at: '2026-12-12T06:00:00.000Z',
			end_at: '2026-12-12T14:00:00.000Z',
			all_day: 0,
			ical_sequence: 2
		});
	});
});
