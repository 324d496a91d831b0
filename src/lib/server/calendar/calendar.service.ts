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
	rowsInPeriod,
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

const DAY_MS = 24 * 60 * 60 * 1000;

/** The span with a day more on each side, where an all-day event of its first or last date may lie. */
function widened(span: CalendarSpan): { startAt: string; endAt: string } {
	return {
		startAt: new Date(Date.parse(span.startAt) - DAY_MS).toISOString(),
		endAt: new Date(Date.parse(span.endAt) + DAY_MS).toISOString()
	};
}

async function entriesIn(
	db: Kysely<Database>,
	span: CalendarSpan,
	filter: CalendarFilter
): Promise<CalendarEntryRows> {
	const read = await listEventsOverlapping(db, widened(span), filter, CALENDAR_EVENT_LIMIT);
	// Past the limit, what lies beyond is not known: the rows read are kept, so the page says "more".
	const rows = read.length > CALENDAR_EVENT_LIMIT ? read : rowsInPeriod(span, read);
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
