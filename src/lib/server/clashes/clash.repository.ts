/** Events that overlap a time span, for the same venue or the same people. Cancelled events never clash. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export interface Span {
	startAt: string;
	endAt: string;
	/** The event being saved, which cannot clash with itself. */
	exceptEventId?: number;
}

/** Overlap is strict: a meeting that ends at 09:00 UTC does not clash with one that starts then. */
function overlapping(db: Kysely<Database>, span: Span) {
	let query = db
		.selectFrom('event')
		.where('event.status', '!=', 'cancelled')
		.where('event.start_at', '<', span.endAt)
		.where('event.end_at', '>', span.startAt);
	if (span.exceptEventId) query = query.where('event.id', '!=', span.exceptEventId);
	return query;
}

const clashColumns = [
	'event.id',
	'event.title',
	'event.start_at',
	'event.end_at',
	'event.time_zone',
	'event.all_day'
] as const;

export function listVenueClashes(db: Kysely<Database>, span: Span, venueId: number) {
	return overlapping(db, span)
		.select(clashColumns)
		.where('event.venue_id', '=', venueId)
		.orderBy('event.start_at')
		.limit(20)
		.execute();
}

export function listPersonClashes(db: Kysely<Database>, span: Span, personIds: number[]) {
	if (personIds.length === 0) return Promise.resolve([]);
	return overlapping(db, span)
		.innerJoin('event_participant as p', 'p.event_id', 'event.id')
		.innerJoin('person', 'person.id', 'p.person_id')
		.select([
			...clashColumns,
			'person.id as person_id',
			'person.honorific',
			'person.given_name',
			'person.family_name'
		])
		.where('p.person_id', 'in', personIds)
		.where('p.rsvp_status', 'not in', ['declined', 'no_show'])
		.orderBy('event.start_at')
		.orderBy('person.family_name')
		.limit(100)
		.execute();
}

/** Who takes part in an event, for checking a move of the whole event. */
export async function listParticipantPersonIds(db: Kysely<Database>, eventId: number): Promise<number[]> {
	const rows = await db
		.selectFrom('event_participant')
		.select('person_id')
		.where('event_id', '=', eventId)
		.where('rsvp_status', 'not in', ['declined', 'no_show'])
		.execute();
	return rows.map((r) => r.person_id);
}
