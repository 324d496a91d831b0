/**
 * Reading the calendar's URL: which view, which month or week, in which zone, filtered how. Anything
 * that does not fit is dropped for its default (this month, the office zone, no filter), never an error.
 */
import { z } from 'zod';
import { m } from '../../paraglide/messages.js';
import { eventKinds, eventStatuses } from '../../vocabulary';
import { oneOf, positiveId } from '../query-params';
import { calendarDate as dateField, formFields, recordId } from '../validation';
import { ianaTimeZone } from '../venues/venue.input';
import type { CalendarFilter } from './calendar.repository';
import { isIanaZone } from './calendar.settings';
import { dateInZone } from './calendar.span';

export type CalendarViewName = 'month' | 'week' | 'day';
const VIEWS: readonly CalendarViewName[] = ['month', 'week', 'day'];

export interface CalendarQuery {
	view: CalendarViewName;
	year: number;
	/** 1–12. */
	month: number;
	/** The day view's day, and the week view's week is the one this date (YYYY-MM-DD) falls in. */
	date: string;
	zone: string;
	/** The week and day views as an hourly grid, or as a list of days (what prints best, and reads plainly). */
	layout: 'grid' | 'list';
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
 * `now` decides what "this month" is, in the chosen zone. A week or day view without a date shows the
 * week of the month's first day, or that day (or today, in this month); a month view without year and
 * month shows the month of its date.
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
		view: oneOf(VIEWS, params.get('view')) ?? 'month',
		...chosenMonth,
		date: weekDate,
		zone,
		layout: params.get('layout') === 'list' ? 'list' : 'grid',
		filter: parseCalendarFilter(params)
	};
}

/** The calendar's move form as typed: which event, from which version, to which date and time in `zone`. */
export interface CalendarMoveValues {
	event: string;
	version: string;
	date: string;
	time: string;
	zone: string;
}

const MOVE_FIELDS = ['event', 'version', 'date', 'time', 'zone'] as const;

export function readCalendarMoveForm(data: FormData): {
	values: CalendarMoveValues;
	overrideClashes: boolean;
} {
	const fields = formFields(data, MOVE_FIELDS);
	return {
		values: Object.fromEntries(
			MOVE_FIELDS.map((name) => [name, fields[name] ?? ''])
		) as unknown as CalendarMoveValues,
		overrideClashes: data.get('overrideClashes') === '1'
	};
}

export const CalendarMoveInput = z.object({
	event: recordId(() => m.calendar_error_choose_event()),
	version: z
		.string()
		.regex(/^[1-9]\d{0,8}$/, { error: () => m.calendar_error_version() })
		.transform(Number),
	date: dateField('new date', () => m.calendar_error_date()),
	time: z
		.string()
		.trim()
		.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: () => m.calendar_error_time() }),
	zone: ianaTimeZone('Time zone')
});
