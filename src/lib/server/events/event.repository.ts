/** Queries over events. Kysely only: no rules, no HTTP. */
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { EventKind, EventStatus } from '../../vocabulary';
import type { Database } from '../db/schema';
import type { PageRequest } from '../pagination';

export interface EventFilter {
	/** Upcoming: not yet over at `now`, soonest first. Past: over, latest first. */
	when: 'upcoming' | 'past';
	now: string;
	kind?: EventKind;
	status?: EventStatus;
	/** Hosted, co-hosted or attended by this organisation. */
	organizationId?: number;
	/** Events this person takes part in. */
	personId?: number;
	seriesId?: number;
}

/** What every list of events shows of each: the fields behind an event summary. */
export const eventSummaryColumns = [
	'event.id',
	'event.title',
	'event.kind',
	'event.status',
	'event.start_at',
	'event.end_at',
	'event.time_zone',
	'event.timing'
] as const;

/** The event a record belongs to, joined as `event`, for an event reference: `event_id`, `event_title` … */
export const eventRefColumns = [
	'event.id as event_id',
	'event.title as event_title',
	'event.start_at as event_start_at',
	'event.time_zone as event_time_zone'
] as const;

const eventListColumns = [
	...eventSummaryColumns,
	'event.online_url',
	'venue.name as venue_name',
	'venue.city as venue_city'
] as const;

/** Some participant of the event came on behalf of this organisation, or is this person. */
function hasParticipant(column: 'ep.organization_id' | 'ep.person_id', id: number) {
	return (eb: ExpressionBuilder<Database, 'event'>) =>
		eb.exists(
			eb
				.selectFrom('event_participant as ep')
				.select('ep.event_id')
				.whereRef('ep.event_id', '=', 'event.id')
				.where(column, '=', id)
		);
}

/**
 * Hosted or co-hosted by this organisation, or attended by people on its behalf. Written as `id in
 * (… union …)` so both engines start from the organisation's own index entries instead of testing every
 * event in date order: an organisation present at few of a million events is found at once.
 */
export function hostedOrAttendedBy(organizationId: number) {
	return (eb: ExpressionBuilder<Database, 'event'>) =>
		eb(
			'event.id',
			'in',
			eb
				.selectFrom('event_organization as eo')
				.select('eo.event_id')
				.where('eo.organization_id', '=', organizationId)
				.union(
					eb
						.selectFrom('event_participant as ep')
						.select('ep.event_id')
						.where('ep.organization_id', '=', organizationId)
				)
		);
}

/** One page of events, filtered, in keyset order of (start_at, id). Fetches limit + 1 rows. */
export async function listEvents(db: Kysely<Database>, filter: EventFilter, page: PageRequest) {
	const ascending = filter.when === 'upcoming';
	// Going back a page reads in the opposite direction from the cursor.
	const readAscending = page.before ? !ascending : ascending;
	const cursor = page.before ?? page.after;
	let query = db
		.selectFrom('event')
		.leftJoin('venue', 'venue.id', 'event.venue_id')
		.select(eventListColumns)
		.where('event.end_at', ascending ? '>=' : '<', filter.now);
	if (filter.kind) query = query.where('event.kind', '=', filter.kind);
	if (filter.status) query = query.where('event.status', '=', filter.status);
	if (filter.seriesId) query = query.where('event.series_id', '=', filter.seriesId);
	if (filter.organizationId) query = query.where(hostedOrAttendedBy(filter.organizationId));
	if (filter.personId) query = query.where(hasParticipant('ep.person_id', filter.personId));
	if (cursor) {
		const [startAt, id] = cursor;
		query = query.where((eb) =>
			eb(
				eb.refTuple('event.start_at', 'event.id'),
				readAscending ? '>' : '<',
				eb.tuple(String(startAt), Number(id))
			)
		);
	}
	const direction = readAscending ? 'asc' : 'desc';
	return query
		.orderBy('event.start_at', direction)
		.orderBy('event.id', direction)
		.limit(page.limit + 1)
		.execute();
}

export type EventListRow = Awaited<ReturnType<typeof listEvents>>[number];

/** The host and co-host organisations of several events at once, in the order they are named. */
export async function listHostsForEvents(db: Kysely<Database>, eventIds: number[]) {
	if (eventIds.length === 0) return [];
	return db
		.selectFrom('event_organization')
		.innerJoin('organization', 'organization.id', 'event_organization.organization_id')
		.select([
			'event_organization.event_id',
			'event_organization.role',
			'organization.id',
			'organization.name',
			'organization.acronym'
		])
		.where('event_organization.event_id', 'in', eventIds)
		.orderBy('event_organization.event_id')
		.orderBy('event_organization.position')
		.execute();
}

export async function findEvent(db: Kysely<Database>, eventId: number) {
	return db
		.selectFrom('event')
		.leftJoin('venue', 'venue.id', 'event.venue_id')
		.leftJoin('event_series', 'event_series.id', 'event.series_id')
		.selectAll('event')
		.select([
			'venue.name as venue_name',
			'venue.address as venue_address',
			'venue.city as venue_city',
			'venue.country_code as venue_country_code',
			'venue.time_zone as venue_time_zone',
			'event_series.name as series_name'
		])
		.where('event.id', '=', eventId)
		.executeTakeFirst();
}

export type EventDetailRow = NonNullable<Awaited<ReturnType<typeof findEvent>>>;

export async function listEventSeries(db: Kysely<Database>) {
	return db.selectFrom('event_series').select(['id', 'name']).orderBy('name').execute();
}
