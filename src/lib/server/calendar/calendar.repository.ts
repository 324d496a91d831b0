/** Queries behind the office calendar. Kysely only: no rules, no HTTP. */
import { PostgresAdapter, sql, type CompiledQuery, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { EventKind, EventStatus } from '../../vocabulary';
import type { Database } from '../db/schema';
import {
	eventSummaryColumns,
	hostedOrAttendedBy,
	runningFrom,
	withParticipant
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

function filtered<O>(query: SelectQueryBuilder<Database, 'event' | 'venue', O>, filter: CalendarFilter) {
	if (filter.kind) query = query.where('event.kind', '=', filter.kind);
	if (filter.status) query = query.where('event.status', '=', filter.status);
	if (filter.organizationId) query = query.where(hostedOrAttendedBy(filter.organizationId));
	if (filter.personId) query = query.where(withParticipant(filter.personId));
	return query;
}

/** The events a calendar shows, with what it shows of each. */
function calendarEvents(db: Kysely<Database>, filter: CalendarFilter) {
	return filtered(
		db
			.selectFrom('event')
			.leftJoin('venue', 'venue.id', 'event.venue_id')
			.select([
				...eventSummaryColumns,
				'event.version',
				'venue.name as venue_name',
				'venue.city as venue_city'
			]),
		filter
	);
}

/** The same events by their keys alone, for counting: unfiltered, read from the start index only. */
function calendarEventKeys(db: Kysely<Database>, filter: CalendarFilter) {
	const keys = db.selectFrom('event').select(['event.id', 'event.start_at']);
	// Typed as the events beside their venue, as the filters and the union take them; the filters read the
	// event alone. Joining the venue for the type's sake made SQLite read each row for its venue_id.
	type Keys = SelectQueryBuilder<Database, 'event' | 'venue', { id: number; start_at: string }>;
	return filtered(keys as unknown as Keys, filter);
}

/**
 * The events that overlap [startAt, endAt) — or, lasting no time, happen in it — in order of start,
 * at most `limit`. Two index ranges: events that start inside the span or in the seven days before it
 * (event_start_idx), and longer events that started earlier (event_long_idx). So a span costs what it
 * holds, not the length of the office's history. The start index carries each event's end and all-day
 * flag, so the events of the seven days before that ended before the span are passed over in the index,
 * without reading their rows.
 */
function overlapping<O extends { id: number; start_at: string }>(
	db: Kysely<Database>,
	span: Span,
	events: SelectQueryBuilder<Database, 'event' | 'venue', O>,
	limit: number
) {
	// An all-day event is on the days of its own dates in every zone; as instants it may lie up to 26 hours
	// (UTC+14 to UTC−12) beside a viewer's day, so it is read that far around and placed by date after.
	const around = (instant: string, hours: number) =>
		new Date(Date.parse(instant) + hours * 60 * 60 * 1000).toISOString();
	const { near, long } = runningFrom(
		db,
		events
			.where('event.start_at', '<', around(span.endAt, 26))
			.where((eb) =>
				eb.or([
					eb.and([
						eb('event.start_at', '<', span.endAt),
						eb.or([eb('event.end_at', '>', span.startAt), eb('event.start_at', '>=', span.startAt)])
					]),
					eb.and([eb('event.all_day', '=', 1), eb('event.end_at', '>', around(span.startAt, -26))])
				])
			),
		span.startAt
	);
	return db
		.selectFrom(near.unionAll(long).as('e'))
		.selectAll()
		.orderBy('e.start_at')
		.orderBy('e.id')
		.limit(limit);
}

/** The events that overlap a span, in order of start, fetching at most limit + 1. */
export function listEventsOverlapping(
	db: Kysely<Database>,
	span: Span,
	filter: CalendarFilter,
	limit: number
) {
	return overlapping(db, span, calendarEvents(db, filter), limit + 1).execute();
}

/**
 * A calendar's statements are unions of a branch a day (a month's 42 days are 44 000 characters of SQL),
 * and Kysely took longer to build and compile one than SQLite to run it: a fifth of a month page's CPU at
 * 100 000 events. The same span is asked for again and again (this week, this month, by every reader), so
 * the compiled statements of the last COMPILED_KEPT spans and filters are kept, keyed by everything they
 * are built from and by the engine. The statement is the same text with the same values either way.
 */
const COMPILED_KEPT = 64;
const compiled = new Map<string, CompiledQuery>();

function compiledOnce<R>(
	db: Kysely<Database>,
	key: unknown,
	build: () => CompiledQuery<R>
): CompiledQuery<R> {
	const engine = db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
	const text = JSON.stringify([engine, key]);
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
 * Each day's first `perDay` events, as one statement: a branch a day, each bounded by its own limit, so
 * that a month costs at most days × perDay rows however busy it is. `day` is the day's index in `days`;
 * an event on several days comes once for each.
 */
export async function listEventsByDay(
	db: Kysely<Database>,
	days: Span[],
	filter: CalendarFilter,
	perDay: number
) {
	const branch = (span: Span, day: number) =>
		db
			.selectFrom(overlapping(db, span, calendarEvents(db, filter), perDay).as('d'))
			.selectAll()
			.select(sql<number>`${sql.lit(day)}`.as('day'));
	if (days.length === 0) return [];
	const query = compiledOnce(db, ['byDay', days, filter, perDay], () => {
		const [first, ...rest] = days.map(branch);
		return rest.reduce((all, next) => all.unionAll(next), first!).compile();
	});
	return (await db.executeQuery(query)).rows;
}

/**
 * How many events touch each of `days`, counted only up to `cap` (a count reads its rows too): one
 * statement, a counted branch a day. Unfiltered, each branch reads the start index alone (it carries the
 * ends), not the events' rows.
 */
export async function countEventsByDay(
	db: Kysely<Database>,
	days: Span[],
	filter: CalendarFilter,
	cap: number
): Promise<number[]> {
	if (days.length === 0) return [];
	const query = compiledOnce(db, ['count', days, filter, cap], () =>
		db
			.selectNoFrom((eb) =>
				days.map((span, i) =>
					eb
						.selectFrom(overlapping(db, span, calendarEventKeys(db, filter), cap).as('c'))
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
