/** Queries behind the office calendar. Kysely only: no rules, no HTTP. */
import { PostgresAdapter, sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { EventKind, EventStatus } from '../../vocabulary';
import type { Database } from '../db/schema';
import { eventSummaryColumns, hostedOrAttendedBy } from '../events/event.repository';

export interface CalendarFilter {
	kind?: EventKind;
	status?: EventStatus;
	/** Hosted, co-hosted or attended by this organisation. */
	organizationId?: number;
	/** Events this person takes part in. */
	personId?: number;
}

/** This person is among the event's participants. */
function withParticipant(personId: number) {
	return (eb: ExpressionBuilder<Database, 'event'>) =>
		eb.exists(
			eb
				.selectFrom('event_participant as ep')
				.select('ep.event_id')
				.whereRef('ep.event_id', '=', 'event.id')
				.where('ep.person_id', '=', personId)
		);
}

/** Longer than this, an event is in event_long_idx (db/migrations/20261124_2041_index_long_events.ts). */
const LONG_EVENT_MS = 7 * 24 * 60 * 60 * 1000;

/** The partial index's condition, spelled as in its migration so that each planner recognises it. */
function isLongEvent(db: Kysely<Database>) {
	return db.getExecutor().adapter instanceof PostgresAdapter
		? sql<boolean>`event.end_at - event.start_at > interval '7 days'`
		: sql<boolean>`julianday(event.end_at) - julianday(event.start_at) > 7`;
}

function calendarEvents(db: Kysely<Database>, filter: CalendarFilter) {
	let query = db
		.selectFrom('event')
		.leftJoin('venue', 'venue.id', 'event.venue_id')
		.select([...eventSummaryColumns, 'venue.name as venue_name', 'venue.city as venue_city']);
	if (filter.kind) query = query.where('event.kind', '=', filter.kind);
	if (filter.status) query = query.where('event.status', '=', filter.status);
	if (filter.organizationId) query = query.where(hostedOrAttendedBy(filter.organizationId));
	if (filter.personId) query = query.where(withParticipant(filter.personId));
	return query;
}

/**
 * The events that overlap [startAt, endAt) — or, lasting no time, happen in it — in order of start,
 * fetching at most limit + 1. Two index ranges: events that start inside the span or in the seven days
 * before it (event_start_idx), and longer events that started earlier (event_long_idx). So a span
 * costs what it holds, not the length of the office's history.
 */
export async function listEventsOverlapping(
	db: Kysely<Database>,
	span: { startAt: string; endAt: string },
	filter: CalendarFilter,
	limit: number
) {
	const lookback = new Date(Date.parse(span.startAt) - LONG_EVENT_MS).toISOString();
	const near = calendarEvents(db, filter)
		.where('event.start_at', '>=', lookback)
		.where('event.start_at', '<', span.endAt)
		.where((eb) => eb.or([eb('event.end_at', '>', span.startAt), eb('event.start_at', '>=', span.startAt)]));
	const long = calendarEvents(db, filter)
		.where(isLongEvent(db))
		.where('event.start_at', '<', lookback)
		.where('event.end_at', '>', span.startAt);
	return db
		.selectFrom(near.unionAll(long).as('e'))
		.selectAll()
		.orderBy('e.start_at')
		.orderBy('e.id')
		.limit(limit + 1)
		.execute();
}

export type CalendarEventRow = Awaited<ReturnType<typeof listEventsOverlapping>>[number];
