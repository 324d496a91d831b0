/**
 * What the calendar page receives: days in the viewer's zone, each with the events that touch it, and
 * beside each event its own local time and zone when its clock reads differently.
 */
import { DateTime } from 'luxon';
import { allDayDates, formatOffset, formatTime } from '../../format/datetime';
import { eventKinds, eventStatuses, type EventKind, type EventStatus } from '../../vocabulary';
import type { HostView } from '../events/event.view';
import type { CalendarEventRow } from './calendar.repository';
import type { CalendarSpan, DaySpan } from './calendar.span';

export interface CalendarEntry {
	id: number;
	title: string;
	kind: EventKind;
	kindLabel: string;
	status: EventStatus;
	statusLabel: string;
	cancelled: boolean;
	startAt: string;
	endAt: string;
	/**
	 * The event takes whole days: it shows on each of its dates, whatever the viewer's zone (18 December
	 * in Baku is 18 December in Los Angeles), with no time of day. Set here, in toEntry, only.
	 */
	allDay: boolean;
	/** On this day, in the calendar's zone: "10:00–12:30", "from 10:00", "until 18:00" or "all day". */
	when: string;
	/** False on the later days of an event that began earlier. */
	starts: boolean;
	/** "15:00 Baku (UTC+4)": the event's own clock, on the day it starts, when it differs from the calendar's. */
	ownTime: string | null;
	/** The sources gave no time of day (or no exact date); the shown one is assumed. */
	assumed: boolean;
	place: string | null;
	hosts: HostView[];
}

export interface CalendarDay {
	/** YYYY-MM-DD in the calendar's zone. */
	date: string;
	dayOfMonth: number;
	/** "Friday 17 December 2021" */
	label: string;
	/** False for the days of the neighbouring months that fill a month view's first and last week. */
	inPeriod: boolean;
	today: boolean;
	entries: CalendarEntry[];
}

export interface CalendarWeek {
	/** ISO 8601 week number. */
	number: number;
	/** Its Monday, YYYY-MM-DD: the week view's address. */
	monday: string;
	days: CalendarDay[];
}

interface CalendarBase {
	zone: string;
	/** "UTC+4", or "UTC+1, then UTC+2 from Sunday 29 March" when the clocks change in the period. */
	offsets: string;
	/** How many events the period shows. */
	count: number;
	/** More events than one page can show fell in the period; only the first are shown. */
	truncated: boolean;
}

export interface CalendarMonthView extends CalendarBase {
	view: 'month';
	year: number;
	month: number;
	/** "December 2021" */
	title: string;
	weeks: CalendarWeek[];
	previous: { year: number; month: number };
	next: { year: number; month: number };
}

export interface CalendarWeekView extends CalendarBase {
	view: 'week';
	/** Its Monday, YYYY-MM-DD. */
	monday: string;
	/** "Week 13: 23–29 March 2026" */
	title: string;
	days: CalendarDay[];
	previous: string;
	next: string;
}

export interface CalendarEntryRows {
	rows: CalendarEventRow[];
	hosts: Map<number, HostView[]>;
}

const ms = (instant: string) => Date.parse(instant);

/** "Baku" for Asia/Baku, "Port of Spain" for America/Port_of_Spain. */
export function zoneCity(zone: string): string {
	return (zone.split('/').pop() ?? zone).replaceAll('_', ' ');
}

function offsetAt(instant: string, zone: string): number {
	return DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone).offset;
}

/**
 * Whether the event touches the day: overlaps it, or (lasting no time) happens in it. An all-day event
 * touches the days of its own dates, compared as dates, not instants.
 */
export function touches(row: CalendarEventRow, day: DaySpan): boolean {
	if (row.all_day === 1) {
		const days = allDayDates(row.start_at, row.end_at, row.time_zone);
		return days !== null && days.first <= day.date && day.date <= days.last;
	}
	const start = ms(row.start_at);
	const end = ms(row.end_at);
	const dayStart = ms(day.startAt);
	const dayEnd = ms(day.endAt);
	if (start >= dayEnd) return false;
	return end > dayStart || (end === start && start >= dayStart);
}

function toEntry(row: CalendarEventRow, day: DaySpan, zone: string, hosts: HostView[]): CalendarEntry {
	if (row.all_day === 1) {
		return {
			...entryOf(row, hosts),
			allDay: true,
			when: 'all day',
			starts: allDayDates(row.start_at, row.end_at, row.time_zone)?.first === day.date,
			ownTime: null
		};
	}
	const starts = ms(row.start_at) >= ms(day.startAt);
	const ends = ms(row.end_at) <= ms(day.endAt);
	const from = formatTime(row.start_at, zone);
	const until = formatTime(row.end_at, zone);
	const when =
		starts && ends
			? row.start_at === row.end_at
				? from
				: `${from}–${until}`
			: starts
				? `from ${from}`
				: ends
					? `until ${until}`
					: 'all day';
	const ownClock = starts && offsetAt(row.start_at, row.time_zone) !== offsetAt(row.start_at, zone);
	return {
		...entryOf(row, hosts),
		allDay: false,
		when,
		starts,
		ownTime: ownClock
			? `${formatTime(row.start_at, row.time_zone)} ${zoneCity(row.time_zone)} (${formatOffset(row.start_at, row.time_zone)})`
			: null
	};
}

/** What an entry says of its event whatever the day. */
function entryOf(row: CalendarEventRow, hosts: HostView[]) {
	return {
		id: row.id,
		title: row.title,
		kind: row.kind,
		kindLabel: eventKinds.labels[row.kind],
		status: row.status,
		statusLabel: eventStatuses.labels[row.status],
		cancelled: row.status === 'cancelled',
		startAt: row.start_at,
		endAt: row.end_at,
		assumed: row.timing !== 'exact',
		place: row.venue_name ? [row.venue_name, row.venue_city].filter(Boolean).join(', ') : null,
		hosts
	};
}

function toDays(
	span: CalendarSpan,
	{ rows, hosts }: CalendarEntryRows,
	today: string,
	inPeriod: (date: string) => boolean
): CalendarDay[] {
	return span.days.map((day) => {
		const date = DateTime.fromISO(day.date, { zone: 'utc' }).setLocale('en-GB');
		return {
			date: day.date,
			dayOfMonth: date.day,
			label: date.toFormat('cccc d LLLL yyyy'),
			inPeriod: inPeriod(day.date),
			today: day.date === today,
			entries: rows
				.filter((row) => touches(row, day))
				.map((row) => toEntry(row, day, span.zone, hosts.get(row.id) ?? []))
				// Whole days first, as calendars list them above the day's hours; otherwise in order of start.
				.sort((a, b) => Number(b.allDay) - Number(a.allDay))
		};
	});
}

/** The zone's offset over the period, and when it changes. */
function describeOffsets(span: CalendarSpan): string {
	const first = span.days[0]!;
	let text = formatOffset(first.startAt, span.zone);
	let previous = offsetAt(first.startAt, span.zone);
	for (const day of span.days) {
		const after = offsetAt(day.endAt, span.zone);
		if (after !== previous) {
			const label = DateTime.fromISO(day.date, { zone: 'utc' }).setLocale('en-GB').toFormat('cccc d LLLL');
			text += `, then ${formatOffset(day.endAt, span.zone)} from ${label}`;
			previous = after;
		}
	}
	return text;
}

/**
 * The rows the period shows: read over a day more on each side (an all-day event on the period's
 * first or last date can lie, as instants, outside its span by up to a day, between UTC+14 and UTC−12),
 * so those that touch none of its days are left out here.
 */
export function rowsInPeriod(span: CalendarSpan, rows: CalendarEventRow[]): CalendarEventRow[] {
	return rows.filter((row) => span.days.some((day) => touches(row, day)));
}

function base(span: CalendarSpan, entries: CalendarEntryRows, limit: number): CalendarBase {
	return {
		zone: span.zone,
		offsets: describeOffsets(span),
		count: Math.min(entries.rows.length, limit),
		truncated: entries.rows.length > limit
	};
}

export function toCalendarMonthView(
	span: CalendarSpan,
	{ year, month }: { year: number; month: number },
	entries: CalendarEntryRows,
	{ today, limit }: { today: string; limit: number }
): CalendarMonthView {
	const prefix = `${year}-${String(month).padStart(2, '0')}-`;
	const shown = { ...entries, rows: entries.rows.slice(0, limit) };
	const days = toDays(span, shown, today, (date) => date.startsWith(prefix));
	const weeks: CalendarWeek[] = [];
	for (let i = 0; i < days.length; i += 7) {
		const monday = days[i]!.date;
		weeks.push({
			number: DateTime.fromISO(monday, { zone: 'utc' }).weekNumber,
			monday,
			days: days.slice(i, i + 7)
		});
	}
	const first = DateTime.fromObject({ year, month, day: 1 }, { zone: 'utc' });
	const before = first.minus({ months: 1 });
	const after = first.plus({ months: 1 });
	return {
		...base(span, entries, limit),
		view: 'month',
		year,
		month,
		title: first.setLocale('en-GB').toFormat('LLLL yyyy'),
		weeks,
		previous: { year: before.year, month: before.month },
		next: { year: after.year, month: after.month }
	};
}

export function toCalendarWeekView(
	span: CalendarSpan,
	entries: CalendarEntryRows,
	{ today, limit }: { today: string; limit: number }
): CalendarWeekView {
	const shown = { ...entries, rows: entries.rows.slice(0, limit) };
	const days = toDays(span, shown, today, () => true);
	const monday = DateTime.fromISO(span.days[0]!.date, { zone: 'utc' }).setLocale('en-GB');
	const sunday = monday.plus({ days: 6 });
	const range =
		monday.month === sunday.month
			? `${monday.day}–${sunday.toFormat('d LLLL yyyy')}`
			: monday.year === sunday.year
				? `${monday.toFormat('d LLLL')} – ${sunday.toFormat('d LLLL yyyy')}`
				: `${monday.toFormat('d LLLL yyyy')} – ${sunday.toFormat('d LLLL yyyy')}`;
	return {
		...base(span, entries, limit),
		view: 'week',
		monday: monday.toISODate()!,
		title: `Week ${monday.weekNumber}: ${range}`,
		days,
		previous: monday.minus({ weeks: 1 }).toISODate()!,
		next: monday.plus({ weeks: 1 }).toISODate()!
	};
}
