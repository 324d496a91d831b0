/**
 * What the calendar page receives: days in the viewer's zone, each with the events that touch it, and
 * beside each event its own local time and zone when its clock reads differently.
 */
import { DateTime } from 'luxon';
import {
	allDayDates,
	formatApproximateDate,
	formatDate,
	formatDays,
	formatOffset,
	formatTime,
	instantToZoned,
	zoneOffsetMinutes
} from '../../format/datetime';
import { m } from '../../paraglide/messages.js';
import { getLocale } from '../../paraglide/runtime.js';
import { eventKinds, eventStatuses, type EventKind, type EventStatus } from '../../vocabulary';
import type { HostView } from '../events/event.view';
import type { CalendarMoveValues } from './calendar.input';
import type { CalendarEventRow } from './calendar.repository';
import { gridCells, layoutColumns, minuteOfDay, type Placed } from './calendar.grid';
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
	/** On this day, in the calendar's zone: "10:00–12:30", "from 10:00", "until 18:00" or "all day". */
	when: string;
	/** False on the later days of an event that began earlier. */
	starts: boolean;
	/** "15:00 Baku (UTC+4)": the event's own clock, on the day it starts, when it differs from the calendar's. */
	ownTime: string | null;
	/** The sources gave no time of day (or no exact date); the shown one is assumed. */
	assumed: boolean;
	/** Shown in the all-day row of the week and day views rather than at its hours (see isAllDay). */
	allDay: boolean;
	/** The version the calendar read, so that a move from it is refused if someone saved since. */
	version: number;
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
	/** The day's first events, in order of start. */
	entries: CalendarEntry[];
	/** How many more events touch the day than it shows (counted up to a cap, see `moreCapped`). */
	more: number;
	/** `more` is at least this many: the count stopped there. */
	moreCapped: boolean;
}

/** An event on a day of the hourly grid: its entry, where it sits, and the grid cells it is drawn in. */
export interface GridItem extends Placed, ReturnType<typeof gridCells> {
	entry: CalendarEntry;
}

/** An all-day event across the days of a week or day view it falls on (0-based, inclusive). */
export interface AllDayBar {
	entry: CalendarEntry;
	from: number;
	to: number;
}

export interface CalendarGridDay extends CalendarDay {
	/** The timed events of the day, placed on its hours. */
	timed: GridItem[];
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

/** A week (Monday to Sunday) or one day, as an hourly grid. */
export interface CalendarGridView extends CalendarBase {
	view: 'week' | 'day';
	/** The week's Monday or the day, YYYY-MM-DD. */
	date: string;
	/** "Week 13: 23–29 March 2026", "Friday 17 December 2021" */
	title: string;
	days: CalendarGridDay[];
	allDay: AllDayBar[];
	/** The move form opened for one of the events shown (`?move=<id>`), filled with its start. */
	moving: { title: string; values: CalendarMoveValues } | null;
	previous: string;
	next: string;
}

/** The home page's week: days, each with the events that touch it. */
export interface CalendarDaysView extends CalendarBase {
	days: CalendarDay[];
}

export interface CalendarEntryRows {
	rows: CalendarEventRow[];
	hosts: Map<number, HostView[]>;
}

/** Each day's rows as read (see listEventsByDay), and how many events each day has in all when it has more. */
export interface CalendarDayRows {
	days: CalendarEventRow[][];
	/** Per day: the count up to `cap`, or undefined when the day showed all it has. */
	totals: (number | undefined)[];
	cap: number;
	hosts: Map<number, HostView[]>;
}

const ms = (instant: string) => Date.parse(instant);

/** "Baku" for Asia/Baku, "Port of Spain" for America/Port_of_Spain. */
export function zoneCity(zone: string): string {
	return (zone.split('/').pop() ?? zone).replaceAll('_', ' ');
}

/**
 * The one place that decides what goes into the all-day row: an event the officer made all-day, or one
 * of 24 hours or more.
 */
export function isAllDay(row: Pick<CalendarEventRow, 'start_at' | 'end_at' | 'all_day'>): boolean {
	return row.all_day === 1 || ms(row.end_at) - ms(row.start_at) >= 24 * 60 * 60 * 1000;
}

/**
 * Whether the event is on the day: overlaps it, or (lasting no time) happens in it. An all-day event is
 * on the days of its own dates whatever the viewer's zone, compared as dates, not instants (the day's
 * query reads a little more around an all-day event's dates for this to choose from).
 */
export function touches(
	row: Pick<CalendarEventRow, 'start_at' | 'end_at' | 'all_day' | 'time_zone'>,
	day: DaySpan
): boolean {
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
		const first = allDayDates(row.start_at, row.end_at, row.time_zone)?.first;
		return {
			...toTimedEntry(row, day, zone, hosts),
			when: m.calendar_all_day(),
			starts: first === day.date,
			ownTime: null
		};
	}
	return toTimedEntry(row, day, zone, hosts);
}

function toTimedEntry(row: CalendarEventRow, day: DaySpan, zone: string, hosts: HostView[]): CalendarEntry {
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
				? m.calendar_from({ time: from })
				: ends
					? m.calendar_until({ time: until })
					: m.calendar_all_day();
	const ownClock =
		starts && zoneOffsetMinutes(row.start_at, row.time_zone) !== zoneOffsetMinutes(row.start_at, zone);
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
		when,
		starts,
		ownTime: ownClock
			? `${formatTime(row.start_at, row.time_zone)} ${zoneCity(row.time_zone)} (${formatOffset(row.start_at, row.time_zone)})`
			: null,
		assumed: row.timing !== 'exact',
		allDay: isAllDay(row),
		version: row.version,
		place: row.venue_name ? [row.venue_name, row.venue_city].filter(Boolean).join(', ') : null,
		hosts
	};
}

/** The zone's offset over the period, and when it changes. */
function describeOffsets(span: CalendarSpan): string {
	const first = span.days[0]!;
	let text = formatOffset(first.startAt, span.zone);
	let previous = zoneOffsetMinutes(first.startAt, span.zone);
	for (const day of span.days) {
		const after = zoneOffsetMinutes(day.endAt, span.zone);
		if (after !== previous) {
			const label = dayAndMonth(day.date);
			text += m.calendar_offset_then({ offset: formatOffset(day.endAt, span.zone), day: label });
			previous = after;
		}
	}
	return text;
}

/** "Sunday 29 March", "29 mart, bazar", "29 марта, воскресенье" */
function dayAndMonth(date: string): string {
	const locale = getLocale();
	if (locale === 'en')
		return DateTime.fromISO(date, { zone: 'utc' }).setLocale('en-GB').toFormat('cccc d LLLL');
	const at = new Date(`${date}T00:00:00Z`);
	const dayMonth = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' });
	const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
	return `${dayMonth.format(at)}, ${weekday.format(at)}`;
}

function dayHeader(day: DaySpan, today: string) {
	return {
		date: day.date,
		dayOfMonth: Number(day.date.slice(8, 10)),
		label: formatDate(`${day.date}T00:00:00Z`, 'UTC'),
		today: day.date === today
	};
}

/** Days from rows read a day at a time, each showing at most `perDay` events. */
function toDays(
	span: CalendarSpan,
	rows: CalendarDayRows,
	{ today, perDay, inPeriod }: { today: string; perDay: number; inPeriod: (date: string) => boolean }
): CalendarDay[] {
	return span.days.map((day, i) => {
		const dayRows = rows.days[i] ?? [];
		const shown = dayRows.slice(0, perDay);
		const total = rows.totals[i] ?? dayRows.length;
		return {
			...dayHeader(day, today),
			inPeriod: inPeriod(day.date),
			entries: shown.map((row) => toEntry(row, day, span.zone, rows.hosts.get(row.id) ?? [])),
			more: Math.max(0, total - shown.length),
			moreCapped: total >= rows.cap && dayRows.length > perDay
		};
	});
}

function base(span: CalendarSpan, days: CalendarDay[]): CalendarBase {
	return {
		zone: span.zone,
		offsets: describeOffsets(span),
		count: new Set(days.flatMap((day) => day.entries.map((e) => e.id))).size,
		truncated: days.some((day) => day.more > 0)
	};
}

export function toCalendarMonthView(
	span: CalendarSpan,
	{ year, month }: { year: number; month: number },
	rows: CalendarDayRows,
	{ today, perDay }: { today: string; perDay: number }
): CalendarMonthView {
	const prefix = `${year}-${String(month).padStart(2, '0')}-`;
	const days = toDays(span, rows, { today, perDay, inPeriod: (date) => date.startsWith(prefix) });
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
		...base(span, days),
		view: 'month',
		year,
		month,
		title: formatApproximateDate(`${prefix}01`, 'month'),
		weeks,
		previous: { year: before.year, month: before.month },
		next: { year: after.year, month: after.month }
	};
}

/** The all-day events as bars over the days they fall on. */
function allDayBars(days: CalendarDay[]): AllDayBar[] {
	const bars = new Map<number, AllDayBar>();
	days.forEach((day, i) => {
		for (const entry of day.entries) {
			if (!entry.allDay) continue;
			const known = bars.get(entry.id);
			if (known) known.to = i;
			else bars.set(entry.id, { entry, from: i, to: i });
		}
	});
	return [...bars.values()];
}

function toGridDay(day: CalendarDay, span: DaySpan, zone: string): CalendarGridDay {
	const timed = day.entries.filter((entry) => !entry.allDay);
	const placed = layoutColumns(
		timed.map((entry) => ({
			start: minuteOfDay(entry.startAt, span, zone),
			end: minuteOfDay(entry.endAt, span, zone)
		}))
	);
	return {
		...day,
		timed: timed.map((entry, i) => ({ entry, ...placed[i]!, ...gridCells(placed[i]!) }))
	};
}

function gridView(
	span: CalendarSpan,
	rows: CalendarDayRows,
	{ today, perDay }: { today: string; perDay: number }
) {
	const days = toDays(span, rows, { today, perDay, inPeriod: () => true });
	return {
		...base(span, days),
		days: days.map((day, i) => toGridDay(day, span.days[i]!, span.zone)),
		allDay: allDayBars(days),
		moving: null
	};
}

export function toCalendarWeekView(
	span: CalendarSpan,
	rows: CalendarDayRows,
	options: { today: string; perDay: number }
): CalendarGridView {
	const monday = DateTime.fromISO(span.days[0]!.date, { zone: 'utc' });
	const range = formatDays(
		`${monday.toISODate()}T00:00:00Z`,
		`${monday.plus({ days: 7 }).toISODate()}T00:00:00Z`,
		'UTC'
	);
	return {
		...gridView(span, rows, options),
		view: 'week',
		date: monday.toISODate()!,
		title: m.calendar_week_title({ number: monday.weekNumber, range }),
		previous: monday.minus({ weeks: 1 }).toISODate()!,
		next: monday.plus({ weeks: 1 }).toISODate()!
	};
}

export function toCalendarDayView(
	span: CalendarSpan,
	rows: CalendarDayRows,
	options: { today: string; perDay: number }
): CalendarGridView {
	const day = DateTime.fromISO(span.days[0]!.date, { zone: 'utc' });
	return {
		...gridView(span, rows, options),
		view: 'day',
		date: day.toISODate()!,
		title: formatDate(`${day.toISODate()}T00:00:00Z`, 'UTC'),
		previous: day.minus({ days: 1 }).toISODate()!,
		next: day.plus({ days: 1 }).toISODate()!
	};
}

/**
 * Days from the first `limit` events of a whole span (read with one limit, as the home page's week is):
 * each day shows the events that touch it.
 */
export function toCalendarDaysView(
	span: CalendarSpan,
	{ rows, hosts }: CalendarEntryRows,
	{ today, limit }: { today: string; limit: number }
): CalendarDaysView {
	const shown = rows.slice(0, limit);
	const days = toDays(
		span,
		{
			days: span.days.map((day) => shown.filter((row) => touches(row, day))),
			totals: [],
			cap: limit,
			hosts
		},
		{ today, perDay: limit, inPeriod: () => true }
	);
	return { ...base(span, days), days, truncated: rows.length > limit };
}

/** The move form for an event the grid shows, filled with its start in the calendar's zone. */
export function toMoveForm(
	view: Pick<CalendarGridView, 'days' | 'zone'>,
	eventId: number
): { title: string; values: CalendarMoveValues } | null {
	const any = view.days.flatMap((day) => day.entries).find((e) => e.id === eventId);
	if (!any) return null;
	const [date, time] = instantToZoned(any.startAt, view.zone).split('T') as [string, string];
	return {
		title: any.title,
		values: { event: String(any.id), version: String(any.version), date, time, zone: view.zone }
	};
}
