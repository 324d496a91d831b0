/**
 * Reading the calendar's URL: which view, which month or week, in which zone, filtered how. Anything
 * that does not fit is dropped for its default (this month, the office zone, no filter), never an error.
 */
import { eventKinds, eventStatuses } from '../../vocabulary';
import { oneOf, positiveId } from '../query-params';
import type { CalendarFilter } from './calendar.repository';
import { isIanaZone } from './calendar.settings';
import { dateInZone } from './calendar.span';

export interface CalendarQuery {
	view: 'month' | 'week';
	year: number;
	/** 1–12. */
	month: number;
	/** The week view's week is the one this date (YYYY-MM-DD) falls in. */
	date: string;
	zone: string;
	filter: CalendarFilter;
}

const FIRST_YEAR = 1900;
const LAST_YEAR = 2199;

function integerIn(value: string | null, low: number, high: number): number | undefined {
	if (value === null || !/^\d{1,4}$/.test(value)) return undefined;
	const n = Number(value);
	return n >= low && n <= high ? n : undefined;
}

function calendarDate(value: string | null): string | undefined {
	if (value === null || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
	const year = Number(value.slice(0, 4));
	if (year < FIRST_YEAR || year > LAST_YEAR) return undefined;
	const parsed = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value ? value : undefined;
}

export function parseCalendarFilter(params: URLSearchParams): CalendarFilter {
	return {
		kind: oneOf(eventKinds.values, params.get('kind')),
		status: oneOf(eventStatuses.values, params.get('status')),
		organizationId: positiveId(params.get('organization')),
		personId: positiveId(params.get('person'))
	};
}

/** The zone named in the URL when it is one, else undefined. */
export function parseZone(value: string | null | undefined): string | undefined {
	return value && isIanaZone(value) ? value : undefined;
}

/**
 * `now` decides what "this month" is, in the chosen zone. A week view without a date shows the week of
 * the month's first day (or of today, in this month); a month view without year and month shows the
 * month of its date.
 */
export function parseCalendarQuery(
	params: URLSearchParams,
	{ defaultZone, now }: { defaultZone: string; now: string }
): CalendarQuery {
	const zone = parseZone(params.get('zone')) ?? defaultZone;
	const today = dateInZone(now, zone);
	const date = calendarDate(params.get('date'));
	const year = integerIn(params.get('year'), FIRST_YEAR, LAST_YEAR);
	const month = integerIn(params.get('month'), 1, 12);
	const chosenMonth =
		year !== undefined && month !== undefined
			? { year, month }
			: date
				? { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) }
				: { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) };
	const firstOfMonth = `${chosenMonth.year}-${String(chosenMonth.month).padStart(2, '0')}-01`;
	const weekDate = date ?? (today.startsWith(firstOfMonth.slice(0, 8)) ? today : firstOfMonth);
	return {
		view: params.get('view') === 'week' ? 'week' : 'month',
		...chosenMonth,
		date: weekDate,
		zone,
		filter: parseCalendarFilter(params)
	};
}
