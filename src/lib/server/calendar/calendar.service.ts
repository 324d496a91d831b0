/**
 * The office calendar: a month, a week or a day of events in the viewer's zone. Each costs at most
 * three queries, whatever the size of the data: each day's first events (bounded by a limit a day),
 * how many more the busy days hold (counted up to a cap), and the hosts of the events shown.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { listHostsForEvents } from '../events/event.repository';
import { toHostViews } from '../events/event.view';
import { countEventsByDay, listEventsByDay, type CalendarFilter } from './calendar.repository';
import { dateInZone, dayAt, monthSpan, weekSpan, type CalendarSpan } from './calendar.span';
import {
	toCalendarDayView,
	toCalendarMonthView,
	touches,
	toCalendarWeekView,
	toMoveForm,
	type CalendarDayRows,
	type CalendarGridView,
	type CalendarMonthView
} from './calendar.view';

/** Events a month's day shows before "N more" points to the day. */
export const MONTH_PER_DAY = 4;
/** Events a week's day shows on its hours before "N more" points to the day. */
export const WEEK_PER_DAY = 12;
/** Events the day view shows; a busier day asks the viewer to filter. */
export const DAY_LIMIT = 60;
/** "N more" is counted up to this; beyond, the page says "at least". */
export const MORE_COUNT_CAP = 1000;

interface PeriodOptions {
	zone: string;
	filter?: CalendarFilter;
	/** What "today" is; now unless a test says otherwise. */
	now?: string;
}

interface GridOptions extends PeriodOptions {
	date: string;
	/** An event shown whose move form is open. */
	moving?: number;
}

function withMoving(view: CalendarGridView, moving: number | undefined): CalendarGridView {
	return moving ? { ...view, moving: toMoveForm(view, moving) } : view;
}

async function rowsByDay(
	db: Kysely<Database>,
	span: CalendarSpan,
	filter: CalendarFilter,
	{ perDay, withHosts }: { perDay: number; withHosts: boolean }
): Promise<CalendarDayRows> {
	const rows = await listEventsByDay(db, span.days, filter, perDay + 1);
	const days = span.days.map(() => [] as typeof rows);
	for (const row of rows) {
		const i = Number(row.day);
		if (touches(row, span.days[i]!)) days[i]!.push(row);
	}
	const busy = span.days.flatMap((day, i) => (days[i]!.length > perDay ? [{ day, i }] : []));
	const totals: (number | undefined)[] = span.days.map(() => undefined);
	const shownIds = [...new Set(days.flatMap((day) => day.slice(0, perDay).map((row) => row.id)))];
	const [counts, hostRows] = await Promise.all([
		busy.length > 0
			? countEventsByDay(
					db,
					busy.map((b) => b.day),
					filter,
					MORE_COUNT_CAP
				)
			: [],
		withHosts ? listHostsForEvents(db, shownIds) : []
	]);
	busy.forEach((b, k) => (totals[b.i] = counts[k]));
	return { days, totals, cap: MORE_COUNT_CAP, hosts: toHostViews(hostRows) };
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
	const rows = await rowsByDay(db, span, filter, { perDay: MONTH_PER_DAY, withHosts: false });
	return toCalendarMonthView(span, { year, month }, rows, {
		today: dateInZone(now, zone),
		perDay: MONTH_PER_DAY
	});
}

/** The week (Monday to Sunday) that `date` (YYYY-MM-DD) falls in, as an hourly grid. */
export async function getCalendarWeek(
	db: Kysely<Database>,
	{ date, zone, filter = {}, now = new Date().toISOString(), moving }: GridOptions
): Promise<CalendarGridView> {
	const span = weekSpan(date, zone);
	const rows = await rowsByDay(db, span, filter, { perDay: WEEK_PER_DAY, withHosts: true });
	const view = toCalendarWeekView(span, rows, { today: dateInZone(now, zone), perDay: WEEK_PER_DAY });
	return withMoving(view, moving);
}

/** One day (YYYY-MM-DD) as an hourly grid. */
export async function getCalendarDay(
	db: Kysely<Database>,
	{ date, zone, filter = {}, now = new Date().toISOString(), moving }: GridOptions
): Promise<CalendarGridView> {
	const span = dayAt(date, zone);
	const rows = await rowsByDay(db, span, filter, { perDay: DAY_LIMIT, withHosts: true });
	const view = toCalendarDayView(span, rows, { today: dateInZone(now, zone), perDay: DAY_LIMIT });
	return withMoving(view, moving);
}
