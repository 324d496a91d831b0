/**
 * The days a calendar shows, as spans of UTC instants in the calendar's zone. Pure: luxon does the
 * zone arithmetic, so a day is midnight to midnight on the wall clock of that zone — 23 hours on the
 * Sunday clocks go forward, 25 when they go back. Weeks run Monday to Sunday (ISO 8601).
 */
import { DateTime } from 'luxon';

export interface DaySpan {
	/** The calendar date in the zone, YYYY-MM-DD. */
	date: string;
	/** Midnight starting the day, and the next midnight, as ISO UTC instants. */
	startAt: string;
	endAt: string;
}

export interface CalendarSpan {
	zone: string;
	days: DaySpan[];
	/** From the first day's midnight to the midnight after the last day. */
	startAt: string;
	endAt: string;
}

function instant(dt: DateTime): string {
	return dt.toUTC().toISO()!;
}

function midnight(date: string, zone: string): DateTime {
	const day = DateTime.fromISO(date, { zone });
	if (!day.isValid) throw new RangeError(`Not a date in ${zone}: "${date}"`);
	return day.startOf('day');
}

/**
 * Spans made already, by their first day, length and zone: the same month or week is asked for at every
 * page of it, and luxon's zone arithmetic for its 42 days was about 3 % of the month's CPU. Frozen, as
 * every page shares them; the oldest go when too many are kept.
 */
const spans = new Map<string, CalendarSpan>();
const SPANS_KEPT = 500;

/** `count` days from `first` (a YYYY-MM-DD date) on. */
function daysFrom(first: string, count: number, zone: string): CalendarSpan {
	const key = `${first} ${count} ${zone}`;
	let span = spans.get(key);
	if (span === undefined) {
		span = deepFreeze(daysFromAnew(first, count, zone));
		if (spans.size >= SPANS_KEPT) spans.delete(spans.keys().next().value!);
		spans.set(key, span);
	}
	return span;
}

function deepFreeze(span: CalendarSpan): CalendarSpan {
	for (const day of span.days) Object.freeze(day);
	Object.freeze(span.days);
	return Object.freeze(span);
}

function daysFromAnew(first: string, count: number, zone: string): CalendarSpan {
	const start = midnight(first, zone);
	const days: DaySpan[] = [];
	let day = start;
	for (let i = 0; i < count; i++) {
		// Calendar arithmetic: the next day's midnight, however long this day is.
		const next = day.plus({ days: 1 }).startOf('day');
		days.push({ date: day.toISODate()!, startAt: instant(day), endAt: instant(next) });
		day = next;
	}
	return { zone, days, startAt: days[0]!.startAt, endAt: days[days.length - 1]!.endAt };
}

/** Seven days from `date` (YYYY-MM-DD) on: today and the six after it, as the home page shows them. */
export function weekFrom(date: string, zone: string): CalendarSpan {
	return daysFrom(date, 7, zone);
}

/** The Monday of the ISO week a date falls in, as YYYY-MM-DD. */
export function mondayOf(date: string): string {
	return DateTime.fromISO(date, { zone: 'utc' }).startOf('week').toISODate()!;
}

/** The whole weeks, Monday to Sunday, that hold the days of a month. */
export function monthSpan(year: number, month: number, zone: string): CalendarSpan {
	const first = DateTime.fromObject({ year, month, day: 1 }, { zone: 'utc' });
	const last = first.endOf('month');
	const start = first.startOf('week');
	const end = last.endOf('week');
	const count = Math.round(end.diff(start, 'days').days);
	return daysFrom(start.toISODate()!, count, zone);
}

/** The seven days, Monday to Sunday, of the week a date falls in. */
export function weekSpan(date: string, zone: string): CalendarSpan {
	return daysFrom(mondayOf(date), 7, zone);
}

/** One day, `date` (YYYY-MM-DD). */
export function dayAt(date: string, zone: string): CalendarSpan {
	return daysFrom(date, 1, zone);
}

/** Today's date in a zone, YYYY-MM-DD. */
export function dateInZone(instantAt: string, zone: string): string {
	return DateTime.fromISO(instantAt, { zone: 'utc' }).setZone(zone).toISODate()!;
}
