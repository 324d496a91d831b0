/** Calendar feeds and the events each one selects. Kysely only. */
import type { Insertable, Kysely } from 'kysely';
import type { CalendarFeedTable, Database, Instant } from '../db/schema';
import { hostedOrAttendedBy } from '../events/event.repository';
import { selectCalendarEvents } from '../ical/ical.repository';

export type FeedScope = Pick<
	CalendarFeedTable,
	'person_id' | 'organization_id' | 'series_id' | 'event_kind' | 'event_status'
> & {
	/** Only events an officer marked public (the office's open feed). */
	only_public?: boolean;
};

export async function insertFeed(db: Kysely<Database>, feed: Insertable<CalendarFeedTable>) {
	await db.insertInto('calendar_feed').values(feed).execute();
}

export async function findFeed(db: Kysely<Database>, feedId: string) {
	const row = await db.selectFrom('calendar_feed').selectAll().where('id', '=', feedId).executeTakeFirst();
	return row ?? null;
}

/** The feeds of one person, organisation or series, or the office's (no person, organisation or series). */
export async function listFeeds(
	db: Kysely<Database>,
	owner: { personId?: number; organizationId?: number; office?: true },
	limit: number
) {
	let query = db
		.selectFrom('calendar_feed')
		.leftJoin('user_account', 'user_account.id', 'calendar_feed.created_by_user_id')
		.select([
			'calendar_feed.id',
			'calendar_feed.name',
			'calendar_feed.created_at',
			'calendar_feed.revoked_at',
			'calendar_feed.last_used_at',
			'user_account.name as created_by'
		]);
	if (owner.personId) query = query.where('calendar_feed.person_id', '=', owner.personId);
	else if (owner.organizationId)
		query = query.where('calendar_feed.organization_id', '=', owner.organizationId);
	else
		query = query
			.where('calendar_feed.person_id', 'is', null)
			.where('calendar_feed.organization_id', 'is', null);
	return query.orderBy('calendar_feed.created_at', 'desc').orderBy('calendar_feed.id').limit(limit).execute();
}

export async function revokeFeedRow(db: Kysely<Database>, feedId: string, at: Instant) {
	const result = await db
		.updateTable('calendar_feed')
		.set({ revoked_at: at })
		.where('id', '=', feedId)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

export async function touchFeed(db: Kysely<Database>, feedId: string, at: Instant) {
	await db.updateTable('calendar_feed').set({ last_used_at: at }).where('id', '=', feedId).execute();
}

/**
 * The events a feed shows: those starting inside the window that its filter selects, in order of
 * start, at most `limit`. One query, served by event_start_idx; a person's, by their participations in
 * the window (event_participant_person_start_idx), in the same order, whatever else they attended.
 */
export async function listFeedEvents(
	db: Kysely<Database>,
	scope: FeedScope,
	window: { from: Instant; to: Instant },
	limit: number
) {
	let query = selectCalendarEvents(db)
		.where('event.start_at', '>=', window.from)
		.where('event.start_at', '<', window.to)
		.where('event.status', '!=', 'draft');
	if (scope.organization_id !== null) query = query.where(hostedOrAttendedBy(scope.organization_id));
	if (scope.series_id !== null) query = query.where('event.series_id', '=', scope.series_id);
	if (scope.event_kind !== null) query = query.where('event.kind', '=', scope.event_kind);
	if (scope.event_status !== null) query = query.where('event.status', '=', scope.event_status);
	// event_public_start_idx: the public events of the window, and no others.
	if (scope.only_public) query = query.where('event.is_public', '=', 1);
	if (scope.person_id === null) {
		return query.orderBy('event.start_at').orderBy('event.id').limit(limit).execute();
	}
	return query
		.innerJoin('event_participant as ep', 'ep.event_id', 'event.id')
		.where('ep.person_id', '=', scope.person_id)
		.where('ep.event_start_at', '>=', window.from)
		.where('ep.event_start_at', '<', window.to)
		.orderBy('ep.event_start_at')
		.orderBy('ep.event_id')
		.limit(limit)
		.execute();
}

/**
 * The latest change noted for each scope (db/migrations/20261207_0300_create_feed_changes.ts), null
 * where none is: one index seek a scope (feed_change_scope_idx), in one query.
 */
export async function findLatestFeedChanges(db: Kysely<Database>, scopes: string[]) {
	const row = await db
		.selectNoFrom((eb) =>
			scopes.map((scope, i) =>
				eb
					.selectFrom('feed_change')
					.select((inner) => inner.fn.max('feed_change.changed_at').as('latest'))
					.where('feed_change.scope', '=', scope)
					.as(`s${i}`)
			)
		)
		.executeTakeFirstOrThrow();
	const latest = row as Record<string, Instant | null>;
	return scopes.map((_, i) => latest[`s${i}`] ?? null);
}

/**
 * Forgets the changes noted before `before` that a later one of the same scope makes moot: only the
 * latest of each scope is ever read. Returns how many went.
 */
export async function pruneFeedChanges(db: Kysely<Database>, before: Instant) {
	const result = await db
		.deleteFrom('feed_change')
		.where('feed_change.changed_at', '<', before)
		.where(({ exists, selectFrom }) =>
			exists(
				selectFrom('feed_change as later')
					.select('later.scope')
					.whereRef('later.scope', '=', 'feed_change.scope')
					.whereRef('later.changed_at', '>', 'feed_change.changed_at')
			)
		)
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}

/** Names for a feed's default title, in one query. */
export async function getScopeNames(db: Kysely<Database>, scope: FeedScope) {
	return db
		.selectNoFrom((eb) => [
			eb
				.selectFrom('person')
				.select('person.given_name')
				.where('person.id', '=', scope.person_id ?? -1)
				.as('person_given'),
			eb
				.selectFrom('person')
				.select('person.family_name')
				.where('person.id', '=', scope.person_id ?? -1)
				.as('person_family'),
			eb
				.selectFrom('organization')
				.select('organization.name')
				.where('organization.id', '=', scope.organization_id ?? -1)
				.as('organization_name'),
			eb
				.selectFrom('event_series')
				.select('event_series.name')
				.where('event_series.id', '=', scope.series_id ?? -1)
				.as('series_name')
		])
		.executeTakeFirstOrThrow();
}
