/** Queries behind the office calendar. Kysely only: no rules, no HTTP. */
import {
	PostgresAdapter,
	sql,
	type CompiledQuery,
	type Expression,
	type Kysely,
	type RawBuilder,
	type SelectQueryBuilder
} from 'kysely';
import type { EventKind, EventStatus } from '../../vocabulary';
import type { Database } from '../db/schema';
import {
	eventSummaryColumns,
	hostedOrAttendedBy,
	lookbackFrom,
	runningFrom
} from '../events/event.repository';

export interface CalendarFilter {
	kind?: EventKind;
	status?: EventStatus;
	/** Hosted, co-hosted or attended by this organisation. */
	organizationId?: number;
	/** Events this person takes part in. */
	personId?: number;
}

interface Span {
	startAt: string;
	endAt: string;
}

type Events<O> = SelectQueryBuilder<
	Database & { ep: Database['event_participant'] },
	'event' | 'venue' | 'ep',
	O
>;

/** The events beside their venue (and a person's participations, when the calendar is one person's). */
interface Filtered<O> {
	events: Events<O>;
	/** The event's key, id and start, as the filter's index carries it. */
	id: RawBuilder<number>;
	start: RawBuilder<string>;
}

/**
 * The calendar's events, filtered, with their keys (id and start) where the filter's index carries them.
 * One person's are read from their participations, which carry the start
 * (event_participant_person_start_idx): a day then reads the person's few events of its week in that
 * index, in its order, where testing every event of the week for the person joined all their
 * participations on each day (37–44 ms a month on PostgreSQL for 10 000 of them).
 */
function filtered<O>(
	query: SelectQueryBuilder<Database, 'event' | 'venue', O>,
	filter: CalendarFilter
): Filtered<O> {
	if (filter.kind) query = query.where('event.kind', '=', filter.kind);
	if (filter.status) query = query.where('event.status', '=', filter.status);
	if (filter.organizationId) query = query.where(hostedOrAttendedBy(filter.organizationId));
	if (!filter.personId) {
		return {
			events: query as unknown as Events<O>,
			id: sql.ref('event.id'),
			start: sql.ref('event.start_at')
		};
	}
	const events = query
		.innerJoin('event_participant as ep', 'ep.event_id', 'event.id')
		.where('ep.person_id', '=', filter.personId);
	return { events, id: sql.ref('ep.event_id'), start: sql.ref('ep.event_start_at') };
}

/** What a calendar shows of each event. */
const calendarColumns = [
	...eventSummaryColumns,
	'event.version',
	'venue.name as venue_name',
	'venue.city as venue_city'
] as const;

/** The same but the keys, which `overlapping` selects. */
const calendarDetails = calendarColumns.filter(
	(column): column is Exclude<(typeof calendarColumns)[number], 'event.id' | 'event.start_at'> =>
		column !== 'event.id' && column !== 'event.start_at'
);

/** The events a calendar shows, with what it shows of each. */
function calendarEvents(db: Kysely<Database>, filter: CalendarFilter) {
	return filtered(
		db.selectFrom('event').leftJoin('venue', 'venue.id', 'event.venue_id').select(calendarDetails),
		filter
	);
}

/** The same events by their keys alone, for counting: unfiltered, read from the start index only. */
function calendarEventKeys(db: Kysely<Database>, filter: CalendarFilter) {
	// Typed as the events beside their venue, as the filters and the union take them; the filters read the
	// event alone. Joining the venue for the type's sake made SQLite read each row for its venue_id.
	type Keys = SelectQueryBuilder<Database, 'event' | 'venue', object>;
	return filtered(db.selectFrom('event') as unknown as Keys, filter);
}

/**
 * The instants that bound a span's events: its own start and end, the start of the seven days before it
 * (see runningFrom), and the 26 hours around it where an all-day event may lie as instants — an all-day
 * event is on the days of its own dates in every zone, so from UTC+14 to UTC−12 it may lie up to 26
 * hours beside a viewer's day; it is read that far around and placed by date after (calendar.view.ts).
 */
interface Bounds<T> {
	startAt: T;
	endAt: T;
	lookback: T;
	allDayFrom: T;
	allDayUntil: T;
}

function boundsOf(span: Span): Bounds<string> {
	const around = (instant: string, hours: number) =>
		new Date(Date.parse(instant) + hours * 60 * 60 * 1000).toISOString();
	return {
		startAt: span.startAt,
		endAt: span.endAt,
		lookback: lookbackFrom(span.startAt),
		allDayFrom: around(span.startAt, -26),
		allDayUntil: around(span.endAt, 26)
	};
}

/**
 * The events that overlap [startAt, endAt) — or, lasting no time, happen in it — in order of start,
 * at most `limit`. Two index ranges: events that start inside the span or in the seven days before it
 * (event_start_idx), and longer events that started earlier (event_long_idx). So a span costs what it
 * holds, not the length of the office's history. The start index carries each event's end and all-day
 * flag, so the events of the seven days before that ended before the span are passed over in the index,
 * without reading their rows. The bounds are values, or the columns of PostgreSQL's list of days.
 */
function overlapping<O>(
	db: Kysely<Database>,
	bounds: Bounds<string | Expression<string>>,
	{ events, id, start }: Filtered<O>,
	limit: number
) {
	const { near, long } = runningFrom(
		db,
		events
			.where(start, '<', bounds.allDayUntil)
			.where((eb) =>
				eb.or([
					eb.and([
						eb(start, '<', bounds.endAt),
						eb.or([eb('event.end_at', '>', bounds.startAt), eb(start, '>=', bounds.startAt)])
					]),
					eb.and([eb('event.all_day', '=', 1), eb('event.end_at', '>', bounds.allDayFrom)])
				])
			),
		bounds.lookback,
		start
	);
	// Each range keyed as its index gives it, so that neither is sorted: the long events by their own.
	const keyed = near
		.select([id.as('id'), start.as('start_at')])
		.unionAll(
			long.select([sql.ref<number>('event.id').as('id'), sql.ref<string>('event.start_at').as('start_at')])
		);
	return db.selectFrom(keyed.as('e')).selectAll().orderBy('e.start_at').orderBy('e.id').limit(limit);
}

/** The events that overlap a span, in order of start, fetching at most limit + 1. */
export function listEventsOverlapping(
	db: Kysely<Database>,
	span: Span,
	filter: CalendarFilter,
	limit: number
) {
	return overlapping(db, boundsOf(span), calendarEvents(db, filter), limit + 1).execute();
}

/**
 * PostgreSQL: the days as one list, read from arrays of their bounds (`unnest`), one row a day with its
 * index in `day`. A statement then reads each day through a LATERAL subquery: planned once, whatever the
 * number of days, where a union of a branch a day (below) took PostgreSQL longer to parse and plan than
 * to run (a month: 40 ms of planning for 20 of running at a million events, on a busy machine).
 */
function daysAsRows(days: Span[]) {
	const all = days.map(boundsOf);
	const column = (key: keyof Bounds<string>) => sql`${all.map((b) => b[key])}::timestamptz[]`;
	return sql<
		Bounds<string> & { day: number }
	>`unnest(${column('lookback')}, ${column('startAt')}, ${column('endAt')}, ${column('allDayFrom')}, ${column('allDayUntil')}) with ordinality`.as<'s'>(
		sql`s(lookback, start_at, end_at, all_day_from, all_day_until, day)`
	);
}

/** A day's bounds as the columns of daysAsRows. */
const dayBounds: Bounds<Expression<string>> = {
	startAt: sql.ref('s.start_at'),
	endAt: sql.ref('s.end_at'),
	lookback: sql.ref('s.lookback'),
	allDayFrom: sql.ref('s.all_day_from'),
	allDayUntil: sql.ref('s.all_day_until')
};

const isPostgres = (db: Kysely<Database>) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * SQLite: a calendar's statements are unions of a branch a day (a month's 42 days are 44 000 characters
 * of SQL), and Kysely took longer to build and compile one than SQLite to run it: a fifth of a month
 * page's CPU at 100 000 events. The same span is asked for again and again (this week, this month, by
 * every reader), so the compiled statements of the last COMPILED_KEPT spans and filters are kept, keyed by
 * everything they are built from. The statement is the same text with the same values either way.
 */
const COMPILED_KEPT = 64;
const compiled = new Map<string, CompiledQuery>();

function compiledOnce<R>(key: unknown, build: () => CompiledQuery<R>): CompiledQuery<R> {
	const text = JSON.stringify(key);
	let query = compiled.get(text);
	if (query) {
		// Most recently used last, as the statement cache keeps them.
		compiled.delete(text);
	} else {
		query = build();
		if (compiled.size >= COMPILED_KEPT) compiled.delete(compiled.keys().next().value!);
	}
	compiled.set(text, query);
	return query as CompiledQuery<R>;
}

/**
 * Each day's first `perDay` events, as one statement, each day bounded by its own limit, so that a month
 * costs at most days × perDay rows however busy it is. `day` is the day's index in `days`; an event on
 * several days comes once for each; the rows come by day, then start. PostgreSQL picks each day's events
 * by their keys from the start index alone (it carries the ends) and reads the rows of those alone.
 * SQLite runs a union of a branch a day, which it plans in a few milliseconds.
 */
export async function listEventsByDay(
	db: Kysely<Database>,
	days: Span[],
	filter: CalendarFilter,
	perDay: number
): Promise<(CalendarEventRow & { day: number })[]> {
	if (days.length === 0) return [];
	if (isPostgres(db)) {
		return db
			.selectFrom(daysAsRows(days))
			.crossJoinLateral(overlapping(db, dayBounds, calendarEventKeys(db, filter), perDay).as('d'))
			.innerJoin('event', 'event.id', 'd.id')
			.leftJoin('venue', 'venue.id', 'event.venue_id')
			.select(calendarColumns)
			.select(sql<number>`s.day - 1`.as('day'))
			.orderBy('s.day')
			.orderBy('d.start_at')
			.orderBy('d.id')
			.execute();
	}
	const branch = (span: Span, day: number) =>
		db
			.selectFrom(overlapping(db, boundsOf(span), calendarEvents(db, filter), perDay).as('d'))
			.selectAll()
			.select(sql<number>`${sql.lit(day)}`.as('day'));
	const query = compiledOnce(['byDay', days, filter, perDay], () => {
		const [first, ...rest] = days.map(branch);
		return rest.reduce((all, next) => all.unionAll(next), first!).compile();
	});
	return (await db.executeQuery(query)).rows;
}

/**
 * How many events touch each of `days`, counted only up to `cap` (a count reads its rows too), as one
 * statement: on PostgreSQL a count a day of the list of days, on SQLite a counted branch a day.
 * Unfiltered, each day reads the start index alone (it carries the ends), not the events' rows.
 */
export async function countEventsByDay(
	db: Kysely<Database>,
	days: Span[],
	filter: CalendarFilter,
	cap: number
): Promise<number[]> {
	if (days.length === 0) return [];
	if (isPostgres(db)) {
		const rows = await db
			.selectFrom(daysAsRows(days))
			.crossJoinLateral(
				db
					.selectFrom(overlapping(db, dayBounds, calendarEventKeys(db, filter), cap).as('k'))
					.select((eb) => eb.fn.countAll<number>().as('n'))
					.as('c')
			)
			.select('c.n')
			.orderBy('s.day')
			.execute();
		return rows.map((row) => Number(row.n));
	}
	const query = compiledOnce(['count', days, filter, cap], () =>
		db
			.selectNoFrom((eb) =>
				days.map((span, i) =>
					eb
						.selectFrom(overlapping(db, boundsOf(span), calendarEventKeys(db, filter), cap).as('c'))
						.select(eb.fn.countAll<number>().as('n'))
						.as(`d${i}`)
				)
			)
			.compile()
	);
	const [row] = (await db.executeQuery(query)).rows;
	return days.map((_, i) => Number((row as Record<string, unknown>)[`d${i}`]));
}

export type CalendarEventRow = Awaited<ReturnType<typeof listEventsOverlapping>>[number];
