/** Queries over events. Kysely only: no rules, no HTTP. */
import {
	PostgresAdapter,
	sql,
	type Expression,
	type ExpressionBuilder,
	type Insertable,
	type Kysely,
	type SelectQueryBuilder
} from 'kysely';
import type { EventKind, EventStatus, HostRole } from '../../vocabulary';
import type {
	AgendaItemRoleTable,
	Database,
	EventSeriesTable,
	EventUpdate,
	NewAgendaItem,
	NewEvent,
	NewParticipant
} from '../db/schema';
import { idListValue, isInIdList } from '../db/id-list';
import { pageByKeyset } from '../db/keyset';
import { prepared, type Placeholders } from '../db/prepared';
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
	'event.title_locale',
	'event.title_az',
	'event.title_en',
	'event.title_ru',
	'event.kind',
	'event.status',
	'event.start_at',
	'event.end_at',
	'event.time_zone',
	'event.timing',
	'event.all_day'
] as const;

const eventListColumns = [
	...eventSummaryColumns,
	'event.online_url',
	'venue.name as venue_name',
	'venue.city as venue_city'
] as const;

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

/** Longer than this, an event is in event_long_idx (db/migrations/20261124_2041_index_long_events.ts). */
const LONG_EVENT_MS = 7 * 24 * 60 * 60 * 1000;

/** The partial index's condition, spelled as in its migration so that each planner recognises it. */
function isLongEvent(db: Kysely<Database>) {
	return db.getExecutor().adapter instanceof PostgresAdapter
		? sql<boolean>`event.end_at - event.start_at > interval '7 days'`
		: sql<boolean>`julianday(event.end_at) - julianday(event.start_at) > 7`;
}

/** The instant LONG_EVENT_MS before `from`: an event that started earlier and is still running is long. */
export function lookbackFrom(from: string): string {
	return new Date(Date.parse(from) - LONG_EVENT_MS).toISOString();
}

/**
 * Events still running at `from` or later, as two index ranges to be read as one union: those that
 * start in the seven days before `from` or after it (event_start_idx), and longer events that started
 * earlier (event_long_idx). `query` says what else an event must be, its end included; so a list or a
 * calendar span costs what it holds, not the length of the office's history. `start` is where the
 * query reads the start from (a person's participations carry it too). `lookback` is lookbackFrom(from),
 * as a value or as a column of the statement (the calendar reads many days' bounds at once).
 */
export function runningFrom<TB extends 'event' | 'venue' | 'ep', O>(
	db: Kysely<Database>,
	query: SelectQueryBuilder<Database & { ep: Database['event_participant'] }, TB | 'event', O>,
	lookback: string | Expression<string>,
	start: Expression<string> = sql.ref('event.start_at')
) {
	return {
		near: query.where(start, '>=', lookback),
		// Bounded on the event's own start too, so that its partial index is read as a range.
		long: query
			.where(isLongEvent(db))
			.where(start, '<', lookback)
			.where(sql.ref('event.start_at'), '<', lookback)
	};
}

/** How a list query is built beyond its values: fixed for a prepared shape, read from the values otherwise. */
interface ListBuild {
	/** lookbackFrom(filter.now), for the upcoming list. */
	lookback: string;
	/** The past list's later page whose cursor bounds the start more tightly than now does. */
	boundedByCursor: boolean;
	/** Rows to read: the page's limit + 1. */
	fetch: number;
}

/**
 * One page of events, filtered, in keyset order of (start_at, id). Fetches limit + 1 rows. One person's
 * are read from their participations, which carry the start (event_participant_person_start_idx).
 */
function eventListQuery(db: Kysely<Database>, filter: EventFilter, page: PageRequest, build: ListBuild) {
	const upcoming = filter.when === 'upcoming';
	let query = db
		.selectFrom('event')
		.leftJoin('venue', 'venue.id', 'event.venue_id')
		.select(eventListColumns)
		.where('event.end_at', upcoming ? '>=' : '<', filter.now);
	if (filter.kind) query = query.where('event.kind', '=', filter.kind);
	if (filter.status) query = query.where('event.status', '=', filter.status);
	if (filter.seriesId) query = query.where('event.series_id', '=', filter.seriesId);
	if (filter.organizationId) query = query.where(hostedOrAttendedBy(filter.organizationId));
	const ofPerson = filter.personId !== undefined;
	const ranged = ofPerson
		? query
				.innerJoin('event_participant as ep', 'ep.event_id', 'event.id')
				.where('ep.person_id', '=', filter.personId!)
		: query;
	const start = sql.ref<string>(ofPerson ? 'ep.event_start_at' : 'event.start_at');
	const id = sql.ref<number>(ofPerson ? 'ep.event_id' : 'event.id');
	const keyset = { key: [start, id], order: upcoming ? 'asc' : 'desc' } as const;
	if (!upcoming) {
		// Over before now means it started before now: the bound lets the index start at now, not at the end.
		// A later page's cursor bounds the start already, and more tightly; with both, SQLite would take the
		// bound at now and walk every row from there back to the cursor (most of the office's history).
		const paged = build.boundedByCursor ? ranged : ranged.where(start, '<', filter.now);
		return pageByKeyset(paged, page, keyset, build.fetch);
	}
	// Each range is paged on its own, so that a deep page too reads only the rows it shows.
	const { near, long } = runningFrom(db, ranged, build.lookback, start);
	const ranges = db
		.selectFrom(pageByKeyset(near, page, keyset, build.fetch).as('near'))
		.selectAll()
		.unionAll(db.selectFrom(pageByKeyset(long, page, keyset, build.fetch).as('long')).selectAll());
	return pageByKeyset(
		db.selectFrom(ranges.as('event')).selectAll(),
		page,
		{ key: ['event.start_at', 'event.id'], order: keyset.order },
		build.fetch
	);
}

/** The values of an unfiltered list, the shape the events page opens on and pages through. */
type UnfilteredListValues = {
	now: string;
	lookback: string;
	cursorStart: string;
	cursorId: number;
	fetch: number;
};

type ListShape = { when: EventFilter['when']; cursor: 'after' | 'before' | null; boundedByCursor: boolean };

/** Each shape of the unfiltered list, prepared at its first use: at most a dozen. */
const unfilteredLists = new Map<string, ReturnType<typeof prepareUnfilteredList>>();

function prepareUnfilteredList(shape: ListShape) {
	return prepared((db, p: Placeholders<UnfilteredListValues>) => {
		const cursor = shape.cursor && [p.cursorStart, p.cursorId];
		const page: PageRequest = { limit: 0, [shape.cursor ?? 'after']: cursor ?? undefined };
		// Only the upcoming list looks back; a placeholder read but not bound is refused.
		const lookback = shape.when === 'upcoming' ? p.lookback : '';
		const build = { lookback, boundedByCursor: shape.boundedByCursor, fetch: p.fetch };
		return eventListQuery(db, { when: shape.when, now: p.now }, page, build);
	});
}

const isUnfiltered = (filter: EventFilter) =>
	!filter.kind &&
	!filter.status &&
	!filter.seriesId &&
	!filter.organizationId &&
	filter.personId === undefined;

/**
 * One page of events, filtered, in keyset order of (start_at, id). Fetches limit + 1 rows. The list
 * without filters, what the events page shows first, runs prepared (db/prepared.ts); a filtered list
 * changes shape with its filters and is built at each call.
 */
export async function listEvents(
	db: Kysely<Database>,
	filter: EventFilter,
	page: PageRequest
): Promise<EventListRow[]> {
	const cursor = page.before ?? page.after;
	const after = page.before === undefined ? page.after?.[0] : undefined;
	const build: ListBuild = {
		lookback: lookbackFrom(filter.now),
		boundedByCursor: filter.when === 'past' && typeof after === 'string' && after < filter.now,
		fetch: page.limit + 1
	};
	if (!isUnfiltered(filter) || (cursor !== undefined && cursor.length !== 2)) {
		return eventListQuery(db, filter, page, build).execute();
	}
	const shape: ListShape = {
		when: filter.when,
		cursor: page.before !== undefined ? 'before' : page.after !== undefined ? 'after' : null,
		boundedByCursor: build.boundedByCursor
	};
	const key = `${shape.when} ${shape.cursor} ${shape.boundedByCursor}`;
	let list = unfilteredLists.get(key);
	if (list === undefined) {
		list = prepareUnfilteredList(shape);
		unfilteredLists.set(key, list);
	}
	return list(db, {
		now: filter.now,
		lookback: build.lookback,
		cursorStart: cursor?.[0] as string,
		cursorId: cursor?.[1] as number,
		fetch: build.fetch
	});
}

export type EventListRow = Awaited<ReturnType<ReturnType<typeof eventListQuery>['execute']>>[number];

function hostsQuery(db: Kysely<Database>) {
	return db
		.selectFrom('event_organization')
		.innerJoin('organization', 'organization.id', 'event_organization.organization_id')
		.select([
			'event_organization.event_id',
			'event_organization.role',
			'organization.id',
			'organization.name',
			'organization.name_locale',
			'organization.name_az',
			'organization.name_en',
			'organization.name_ru',
			'organization.acronym'
		]);
}

/** The host and co-host organisations of several events at once, in the order they are named. */
export async function listHostsForEvents(db: Kysely<Database>, eventIds: number[]) {
	if (eventIds.length === 0) return [];
	return hostsOfEvents(db, { eventIds: idListValue(eventIds) });
}

/** One text for any number of events, so that it is built once (see db/id-list.ts). */
const hostsOfEvents = prepared((db, p: Placeholders<{ eventIds: string }>) =>
	hostsQuery(db)
		.where(isInIdList(db, sql.ref('event_organization.event_id'), p.eventIds))
		.orderBy('event_organization.event_id')
		.orderBy('event_organization.position')
);

const hostsOfEvent = prepared((db, p: Placeholders<{ eventId: number }>) =>
	hostsQuery(db).where('event_organization.event_id', '=', p.eventId).orderBy('event_organization.position')
);

/** One event's hosts, as `listHostsForEvents` gives them: the event page's, built once. */
export async function listHostsOfEvent(db: Kysely<Database>, eventId: number) {
	return hostsOfEvent(db, { eventId });
}

const eventWithVenue = prepared((db, p: Placeholders<{ eventId: number }>) =>
	db
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
		.where('event.id', '=', p.eventId)
);

export async function findEvent(db: Kysely<Database>, eventId: number) {
	const [row] = await eventWithVenue(db, { eventId });
	return row ?? null;
}

export type EventDetailRow = NonNullable<Awaited<ReturnType<typeof findEvent>>>;

export async function listEventSeries(db: Kysely<Database>) {
	return db.selectFrom('event_series').select(['id', 'name']).orderBy('name').execute();
}

/**
 * The `limit` series last created, by name: for a choice that a page offers beside other things (an
 * office holds a series for every two hundred events, five thousand at a million). One range of the
 * primary key, then a sort of those few.
 */
export async function listLatestEventSeries(db: Kysely<Database>, limit: number) {
	return db
		.selectFrom(
			db.selectFrom('event_series').select(['id', 'name']).orderBy('id', 'desc').limit(limit).as('latest')
		)
		.selectAll()
		.orderBy('name')
		.orderBy('id')
		.execute();
}

/** The hosts and co-hosts of one event as the form edits them: ids, roles, order. */
export async function listEventHostIds(db: Kysely<Database>, eventId: number) {
	return db
		.selectFrom('event_organization')
		.select(['organization_id', 'role', 'position'])
		.where('event_id', '=', eventId)
		.orderBy('position')
		.orderBy('organization_id')
		.execute();
}

export async function insertEventRow(db: Kysely<Database>, event: NewEvent) {
	return db.insertInto('event').values(event).returningAll().executeTakeFirstOrThrow();
}

/**
 * Writes the changes only when the row is still at the version the writer read, raising the version
 * (and, for a change attendees must see, the iCalendar sequence). Returns whether a row was written.
 */
export async function updateEventRow(
	db: Kysely<Database>,
	eventId: number,
	expectedVersion: number,
	changes: EventUpdate,
	{ raiseSequence }: { raiseSequence: boolean }
): Promise<boolean> {
	const result = await db
		.updateTable('event')
		.set((eb) => ({
			...changes,
			version: eb('version', '+', 1),
			...(raiseSequence ? { ical_sequence: eb('ical_sequence', '+', 1) } : {})
		}))
		.where('id', '=', eventId)
		.where('version', '=', expectedVersion)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function replaceEventHosts(
	db: Kysely<Database>,
	eventId: number,
	hosts: { organizationId: number; role: HostRole }[]
) {
	await db.deleteFrom('event_organization').where('event_id', '=', eventId).execute();
	if (hosts.length === 0) return;
	await db
		.insertInto('event_organization')
		.values(
			hosts.map((host, position) => ({
				event_id: eventId,
				organization_id: host.organizationId,
				role: host.role,
				position
			}))
		)
		.execute();
}

/** Which of these organisations exist. */
export async function listExistingOrganizationIds(db: Kysely<Database>, ids: number[]): Promise<number[]> {
	if (ids.length === 0) return [];
	const rows = await db.selectFrom('organization').select('id').where('id', 'in', ids).execute();
	return rows.map((r) => r.id);
}

export async function findEventSeries(db: Kysely<Database>, seriesId: number) {
	const row = await db
		.selectFrom('event_series')
		.select(['id', 'name'])
		.where('id', '=', seriesId)
		.executeTakeFirst();
	return row ?? null;
}

/** A series by name, ignoring case, so that typing an existing name again finds it. */
export async function findEventSeriesByName(db: Kysely<Database>, name: string) {
	const row = await db
		.selectFrom('event_series')
		.select(['id', 'name'])
		.where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
		.executeTakeFirst();
	return row ?? null;
}

export async function insertEventSeries(db: Kysely<Database>, series: Insertable<EventSeriesTable>) {
	return db.insertInto('event_series').values(series).returning(['id', 'name']).executeTakeFirstOrThrow();
}

/** The timed items of an event's agenda, for moving them with it. */
export async function listAgendaItemTimes(db: Kysely<Database>, eventId: number) {
	return db
		.selectFrom('agenda_item')
		.select(['id', 'start_at', 'end_at'])
		.where('event_id', '=', eventId)
		.where((eb) => eb.or([eb('start_at', 'is not', null), eb('end_at', 'is not', null)]))
		.orderBy('id')
		.execute();
}

/** New times for one agenda item; its version rises so that an agenda form opened before sees the move. */
export async function updateAgendaItemTimes(
	db: Kysely<Database>,
	itemId: number,
	times: { start_at: string | null; end_at: string | null; updated_at: string }
) {
	await db
		.updateTable('agenda_item')
		.set((eb) => ({ ...times, version: eb('version', '+', 1) }))
		.where('id', '=', itemId)
		.execute();
}

/** Every column of every agenda item, so that a copy carries whatever the programme records. */
export async function listAgendaItemsForCopy(db: Kysely<Database>, eventId: number) {
	return db
		.selectFrom('agenda_item')
		.selectAll()
		.where('event_id', '=', eventId)
		.orderBy('position')
		.orderBy('id')
		.execute();
}

export async function listAgendaRolesForCopy(db: Kysely<Database>, eventId: number) {
	return db
		.selectFrom('agenda_item_role as r')
		.innerJoin('agenda_item as i', 'i.id', 'r.agenda_item_id')
		.selectAll('r')
		.where('i.event_id', '=', eventId)
		.orderBy('r.agenda_item_id')
		.orderBy('r.position')
		.execute();
}

/**
 * The participants who have a role on some agenda item, with the person's title, rank and
 * organisation as they stand now (a copy is a new invitation, made today).
 */
export async function listParticipantsWithAgendaRoles(db: Kysely<Database>, eventId: number) {
	return db
		.selectFrom('event_participant as p')
		.innerJoin('person', 'person.id', 'p.person_id')
		.select([
			'p.id',
			'p.person_id',
			'p.role',
			'p.organization_id',
			'person.position',
			'person.rank',
			'person.organization_id as person_organization_id'
		])
		.where('p.event_id', '=', eventId)
		.where((eb) =>
			eb.exists(
				eb
					.selectFrom('agenda_item_role as r')
					.innerJoin('agenda_item as i', 'i.id', 'r.agenda_item_id')
					.select('r.participant_id')
					.whereRef('r.participant_id', '=', 'p.id')
					.whereRef('i.event_id', '=', 'p.event_id')
			)
		)
		.orderBy('p.id')
		.execute();
}

export type ParticipantWithRolesRow = Awaited<ReturnType<typeof listParticipantsWithAgendaRoles>>[number];

export async function insertAgendaItemRow(db: Kysely<Database>, item: NewAgendaItem) {
	return db.insertInto('agenda_item').values(item).returning('id').executeTakeFirstOrThrow();
}

export async function insertParticipantRow(db: Kysely<Database>, participant: NewParticipant) {
	return db.insertInto('event_participant').values(participant).returning('id').executeTakeFirstOrThrow();
}

export async function insertAgendaRoleRows(db: Kysely<Database>, roles: Insertable<AgendaItemRoleTable>[]) {
	if (roles.length === 0) return;
	await db.insertInto('agenda_item_role').values(roles).execute();
}

/** What deleting an event takes with it, or unlinks, counted in one query. */
export async function countEventRecords(db: Kysely<Database>, eventId: number) {
	const count = (
		table:
			| 'agenda_item'
			| 'event_participant'
			| 'outcome'
			| 'correspondence_event'
			| 'outcome_follow_up'
			| 'seating_plan'
	) =>
		db
			.selectFrom(table)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('event_id', '=', eventId);
	return db
		.selectNoFrom([
			count('agenda_item').as('agenda_items'),
			count('event_participant').as('participants'),
			count('outcome').as('outcomes'),
			count('outcome_follow_up').as('follow_ups'),
			count('correspondence_event').as('correspondence'),
			count('seating_plan').as('seating_plans')
		])
		.executeTakeFirstOrThrow();
}

/**
 * Outcomes recorded at the event stop naming it. The foreign key would do the same on delete; doing it
 * here first also moves their version on, so an officer editing one of them sees that it changed.
 */
export async function unlinkOutcomesOfEvent(db: Kysely<Database>, eventId: number, at: string) {
	await db
		.updateTable('outcome')
		.set((eb) => ({ event_id: null, updated_at: at, version: eb('version', '+', 1) }))
		.where('event_id', '=', eventId)
		.execute();
}

/** Deletes the event if it is still at the version the officer saw; its agenda, participants and links go with it. */
export async function deleteEventRow(db: Kysely<Database>, eventId: number, expectedVersion: number) {
	const result = await db
		.deleteFrom('event')
		.where('id', '=', eventId)
		.where('version', '=', expectedVersion)
		.executeTakeFirst();
	return Number(result.numDeletedRows) === 1;
}
