/**
 * All-day events: dates, not instants. Stored as local midnight of the first day to local midnight after
 * the last in the event's zone; shown, placed on the calendar and exported as those dates whatever the
 * viewer's zone, also where clocks change at midnight.
 */
import { describe, expect, test } from 'vitest';
import { allDayDates, formatDays, formatShortDays, formatWhen, zonedToInstant } from '$lib/format/datetime';
import { touches } from '$lib/server/calendar/calendar.view';
import { monthSpan } from '$lib/server/calendar/calendar.span';
import type { CalendarEventRow } from '$lib/server/calendar/calendar.repository';
import { buildCalendar } from '$lib/server/ical/ical.calendar';
import { descriptionOf, toIcalEvent, type CalendarEventRow as IcalRow } from '$lib/server/ical/ical.event';
import { parseCalendar } from '../helpers/ical';

/** An all-day event from its first to its last day (YYYY-MM-DD) in a zone, stored as the form stores it. */
function wholeDays(first: string, last: string, zone: string) {
	const after = new Date(Date.parse(`${last}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
	return {
		start_at: zonedToInstant(`${first}T00:00`, zone),
		end_at: zonedToInstant(`${after}T00:00`, zone),
		time_zone: zone
	};
}

function calendarRow(times: ReturnType<typeof wholeDays>, allDay = 1): CalendarEventRow {
	return {
		id: 1,
		title: 'International Migrants Day',
		kind: 'observance',
		status: 'planned',
		timing: 'exact',
		all_day: allDay,
		venue_name: null,
		venue_city: null,
		...times
	} as CalendarEventRow;
}

/** The dates of a month (as a viewer in `zone` sees it) that an event shows on. */
function shownOn(row: CalendarEventRow, year: number, month: number, zone: string): string[] {
	return monthSpan(year, month, zone)
		.days.filter((day) => touches(row, day))
		.map((day) => day.date);
}

describe('stored instants', () => {
	test('18 December in Baku runs from 20:00 UTC the day before to 20:00 UTC on the day', () => {
		expect(wholeDays('2026-12-18', '2026-12-18', 'Asia/Baku')).toEqual({
			start_at: '2026-12-17T20:00:00.000Z',
			end_at: '2026-12-18T20:00:00.000Z',
			time_zone: 'Asia/Baku'
		});
	});

	test('a day that starts at 01:00 because clocks skip midnight still ends on its own date', () => {
		// Santiago de Chile moves its clocks from 00:00 to 01:00 on the first Sunday of September.
		const times = wholeDays('2026-09-05', '2026-09-06', 'America/Santiago');
		expect(allDayDates(times.start_at, times.end_at, times.time_zone)).toEqual({
			first: '2026-09-05',
			last: '2026-09-06'
		});
		const sunday = wholeDays('2026-09-06', '2026-09-06', 'America/Santiago');
		expect(allDayDates(sunday.start_at, sunday.end_at, sunday.time_zone)).toEqual({
			first: '2026-09-06',
			last: '2026-09-06'
		});
	});

	test('a day of 25 hours (clocks back in Europe) is one day, not two', () => {
		const times = wholeDays('2026-10-25', '2026-10-25', 'Europe/Berlin');
		expect(Date.parse(times.end_at) - Date.parse(times.start_at)).toBe(25 * 3_600_000);
		expect(allDayDates(times.start_at, times.end_at, times.time_zone)).toEqual({
			first: '2026-10-25',
			last: '2026-10-25'
		});
	});
});

describe('shown as dates', () => {
	const event = (first: string, last: string) => {
		const times = wholeDays(first, last, 'Asia/Baku');
		return { startAt: times.start_at, endAt: times.end_at, timeZone: 'Asia/Baku', allDay: true };
	};

	test('one day, several in a month, across months and across years', () => {
		expect(formatWhen(event('2026-12-18', '2026-12-18'))).toBe('Friday 18 December 2026');
		expect(formatWhen(event('2026-12-05', '2026-12-08'))).toBe('5–8 December 2026');
		expect(formatWhen(event('2026-11-28', '2026-12-02'))).toBe('28 November – 2 December 2026');
		expect(formatWhen(event('2026-12-30', '2027-01-02'))).toBe('30 December 2026 – 2 January 2027');
		expect(formatShortDays(event('2026-12-05', '2026-12-08'))).toBe('5 Dec 2026 – 8 Dec 2026');
		expect(formatShortDays(event('2026-12-18', '2026-12-18'))).toBe('18 Dec 2026');
	});

	test('a timed event keeps its times', () => {
		expect(
			formatWhen({
				startAt: '2026-12-18T11:00:00.000Z',
				endAt: '2026-12-18T13:00:00.000Z',
				timeZone: 'Asia/Baku',
				allDay: false
			})
		).toBe('Friday 18 December 2026, 15:00–17:00');
	});

	test('the dates are read in the event’s zone, not the reader’s', () => {
		const times = wholeDays('2026-12-18', '2026-12-18', 'Pacific/Kiritimati');
		expect(formatDays(times.start_at, times.end_at, times.time_zone)).toBe('Friday 18 December 2026');
	});
});

describe('placed on the calendar', () => {
	test('a day in Baku shows on that day for viewers in Los Angeles, Kiritimati and Baku', () => {
		const row = calendarRow(wholeDays('2026-12-18', '2026-12-18', 'Asia/Baku'));
		for (const zone of ['America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Baku', 'Pacific/Pago_Pago']) {
			expect(shownOn(row, 2026, 12, zone), zone).toEqual(['2026-12-18']);
		}
	});

	test('a session of 5–8 December shows on its four days, wherever the viewer is', () => {
		const row = calendarRow(wholeDays('2026-12-05', '2026-12-08', 'Asia/Baku'));
		const days = ['2026-12-05', '2026-12-06', '2026-12-07', '2026-12-08'];
		for (const zone of ['America/Los_Angeles', 'Pacific/Kiritimati', 'Europe/Zurich']) {
			expect(shownOn(row, 2026, 12, zone), zone).toEqual(days);
		}
	});

	test('across the change to summer time in the viewer’s zone the days stay whole', () => {
		// Los Angeles moves its clocks on 8 March 2026; Baku does not.
		const row = calendarRow(wholeDays('2026-03-07', '2026-03-09', 'Asia/Baku'));
		expect(shownOn(row, 2026, 3, 'America/Los_Angeles')).toEqual(['2026-03-07', '2026-03-08', '2026-03-09']);
	});

	test('the same instants as a timed event spill over into the day before in Los Angeles', () => {
		const row = calendarRow(wholeDays('2026-12-18', '2026-12-18', 'Asia/Baku'), 0);
		expect(shownOn(row, 2026, 12, 'America/Los_Angeles')).toEqual(['2026-12-17', '2026-12-18']);
	});
});

describe('in iCalendar', () => {
	const row = (times: ReturnType<typeof wholeDays>, overrides: Partial<IcalRow> = {}): IcalRow => ({
		id: 7,
		title: 'Council session',
		theme: null,
		description: null,
		status: 'confirmed',
		status_reason: null,
		online_url: null,
		ical_uid: 'council@protokol.test',
		ical_sequence: 0,
		updated_at: '2026-11-01T00:00:00.000Z',
		venue_name: null,
		venue_address: null,
		venue_city: null,
		all_day: 1,
		timing: 'exact',
		...times,
		...overrides
	});

	test('DTSTART and DTEND are dates, the end the day after the last, and no VTIMEZONE is needed', () => {
		const ics = buildCalendar({
			method: 'PUBLISH',
			events: [
				toIcalEvent(row(wholeDays('2026-12-05', '2026-12-08', 'Asia/Baku')), {
					stamp: '2026-11-01T00:00:00Z'
				})
			]
		});
		expect(ics).toContain('DTSTART;VALUE=DATE:20261205\r\n');
		expect(ics).toContain('DTEND;VALUE=DATE:20261209\r\n');
		expect(ics).not.toContain('BEGIN:VTIMEZONE');
		const event = parseCalendar(ics).events[0]!;
		expect(event.startDate.isDate).toBe(true);
		expect(event.startDate.toString()).toBe('2026-12-05');
		expect(event.endDate.toString()).toBe('2026-12-09');
	});

	test('a day in Kiritimati is the same date in the file, though it began the day before in UTC', () => {
		const ics = buildCalendar({
			events: [
				toIcalEvent(row(wholeDays('2026-12-18', '2026-12-18', 'Pacific/Kiritimati')), {
					stamp: '2026-11-01T00:00:00Z'
				})
			]
		});
		expect(ics).toContain('DTSTART;VALUE=DATE:20261218\r\n');
		expect(ics).toContain('DTEND;VALUE=DATE:20261219\r\n');
	});

	test('beside a timed event, the timed one keeps its zone and VTIMEZONE', () => {
		const allDay = toIcalEvent(row(wholeDays('2026-12-18', '2026-12-18', 'Asia/Baku')), {
			stamp: '2026-11-01T00:00:00Z'
		});
		const timed = toIcalEvent(
			row(
				{
					start_at: '2026-12-18T08:00:00.000Z',
					end_at: '2026-12-18T09:00:00.000Z',
					time_zone: 'Europe/Zurich'
				},
				{ all_day: 0, ical_uid: 'timed@protokol.test' }
			),
			{ stamp: '2026-11-01T00:00:00Z' }
		);
		const ics = buildCalendar({ events: [allDay, timed] });
		expect(ics.match(/BEGIN:VTIMEZONE/g)).toHaveLength(1);
		expect(ics).toContain('TZID:Europe/Zurich');
		expect(ics).toContain('DTSTART;TZID=Europe/Zurich:20261218T090000');
	});

	test('an assumed time or date is said in the description, as on the event page', () => {
		const base = {
			theme: null,
			description: 'Flag raising.',
			status: 'planned',
			status_reason: null,
			online_url: null
		} as const;
		expect(descriptionOf({ ...base, timing: 'exact' })).toBe('Flag raising.');
		expect(descriptionOf({ ...base, timing: 'time_assumed' })).toBe(
			'Time of day assumed: the sources do not state it.\n\nFlag raising.'
		);
		expect(descriptionOf({ ...base, timing: 'date_assumed' })).toMatch(/^Date assumed: /);
	});
});

describe('feed names', () => {
	test('commas, semicolons, backslashes and line breaks in a name stay one valid property', () => {
		const name = 'Protocol, Office; Baku\\Geneva\nsecond line';
		const ics = buildCalendar({ name, events: [] });
		expect(ics).toContain('X-WR-CALNAME:Protocol\\, Office\\; Baku\\\\Geneva\\nsecond line\r\n');
		// Every line is a property, a folded continuation, or a component boundary.
		for (const line of ics.split('\r\n').filter(Boolean)) expect(line).toMatch(/^([A-Z-]+[;:]| )/);
		const { calendar } = parseCalendar(ics);
		expect(calendar.getAllProperties().map((p) => p.name)).toEqual([
			'version',
			'prodid',
			'name',
			'x-wr-calname'
		]);
		// ical.js knows neither as TEXT, so it hands the value back escaped: unescaped, it is the name.
		const unescaped = (value: unknown) =>
			String(value).replace(/\\([\\;,]|n)/gi, (_, c: string) => (c.toLowerCase() === 'n' ? '\n' : c));
		expect(unescaped(calendar.getFirstPropertyValue('x-wr-calname'))).toBe(name);
	});
});
