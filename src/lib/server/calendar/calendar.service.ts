/**
 * The office calendar: a month or a week of events in the viewer's zone. Each costs two queries,
 * whatever the size of the data: the events that overlap the period, then the hosts of all of them.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { listHostsForEvents } from '../events/event.repository';
import { toHostViews } from '../events/event.view';
import { listEventsOverlapping, type CalendarFilter } from './calendar.repository';
import { dateInZone, monthSpan, weekSpan, type CalendarSpan } from './calendar.span';
import {
	toCalendarMonthView,
	toCalendarWeekView,
	type CalendarEntryRows,
	type CalendarMonthView,
	type CalendarWeekView
} from './calendar.view';

/** Events one period shows at most; a busier period asks the viewer to filter. */
export const CALENDAR_EVENT_LIMIT = 500;

interface PeriodOptions {
	zone: string;
	filter?: CalendarFilter;
	/** What "today" is; now unless a test says otherwise. */
	now?: string;
}

async function entriesIn(
	db: Kysely<Database>,
	span: CalendarSpan,
	filter: CalendarFilter
): Promise<CalendarEntryRows> {
	const rows = await listEventsOverlapping(db, span, filter, CALENDAR_EVENT_LIMIT);
	const hosts = toHostViews(
		await listHostsForEvents(
			db,
			rows.slice(0, CALENDAR_EVENT_LIMIT).map((row) => row.id)
		)
	);
	return { rows, hosts };
}

export async function getCalendarMonth(
	db: Kysely<Database>,
	{
		year,
		month,
		zone,
		filter = {},
		now = new Date().toISOString()
	}: PeriodOptions & {
		year: number;
		month: number;
	}
): Promise<CalendarMonthView> {
	const span = monthSpan(year, month, zone);
	return toCalendarMonthView(span, { year, month }, await entriesIn(db, span, filter), {
		today: dateInZone(now, zone),
		limit: CALENDAR_EVENT_LIMIT
	});
}

/** The week (Monday to Sunday) that `date` (YYYY-MM-DD) falls in. */
export async function getCalendarWeek(
	db: Kysely<Database>,
	{ date, zone, filter = {}, now = new Date().toISOString() }: PeriodOptions & { date: string }
): Promise<CalendarWeekView> {
	const span = weekSpan(date, zone);
	return toCalendarWeekView(span, await entriesIn(db, span, filter), {
		today: dateInZone(now, zone),
		limit: CALENDAR_EVENT_LIMIT
	});
}
