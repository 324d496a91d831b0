/** Queries behind the office calendar. Kysely only: no rules, no HTTP. */
import type { Kysely } from 'kysely';
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
	const { near, long } = runningFrom(
		db,
		calendarEvents(db, filter)
			.where('event.start_at', '<', span.endAt)
			.where((eb) =>
				eb.or([eb('event.end_at', '>', span.startAt), eb('event.start_at', '>=', span.startAt)])
			),
		span.startAt
	);
	return db
		.selectFrom(near.unionAll(long).as('e'))
		.selectAll()
		.orderBy('e.start_at')
		.orderBy('e.id')
		.limit(limit + 1)
		.execute();
}

export type CalendarEventRow = Awaited<ReturnType<typeof listEventsOverlapping>>[number];
