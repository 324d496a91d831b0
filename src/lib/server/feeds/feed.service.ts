/**
 * Calendar subscriptions: a secret URL a calendar client polls (webcal:// or https://) for the events a
 * filter selects — one person's engagements, an organisation's, a series', or the office calendar's.
 * Tokens are "<id>.<secret>" like personal links: only SHA-256 of the secret is stored, the URL is shown
 * once, and revoking it ends it. The answer carries an ETag and Last-Modified, so a client polling an
 * unchanged calendar gets 304 and no body.
 */
import type { Kysely } from 'kysely';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase64urlNoPadding } from '@oslojs/encoding';
import { formatPersonName } from '../../format/names';
import { recordAction, type Actor } from '../audit/audit';
import { issueToken, secretMatches, splitToken } from '../auth/tokens';
import type { Database } from '../db/schema';
import { NotFound, RuleViolation } from '../errors';
import { listEventSeries } from '../events/event.repository';
import { officeTimeZone } from '../calendar/calendar.settings';
import { buildCalendar } from '../ical/ical.calendar';
import { toIcalEvent } from '../ical/ical.event';
import {
	findFeed,
	getScopeNames,
	insertFeed,
	listFeedEvents,
	listFeeds,
	revokeFeedRow,
	touchFeed,
	type FeedScope
} from './feed.repository';
import { authorize } from '../auth/authorize';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A feed reaches a year back and two years ahead: what a calendar client needs to show. */
const PAST_DAYS = 365;
const FUTURE_DAYS = 2 * 365;
const FEED_EVENT_LIMIT = 2000;
/**
 * A cancelled event stays in the feed, marked CANCELLED, until it has ended or for this long after the
 * change, so every subscriber's client sees the cancellation and removes it; then it leaves the feed.
 */
export const CANCELLED_KEPT_DAYS = 60;
/** Clients are asked to look again this often (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
const REFRESH_MINUTES = 60;
/** last_used_at is news for the officer, not a log. */
const TOUCH_AFTER_MS = 60 * 1000;
const FEED_LIST_LIMIT = 50;
const NAME_MAX = 120;

export interface FeedRequest {
	personId?: number;
	organizationId?: number;
	seriesId?: number;
	kind?: FeedScope['event_kind'];
	status?: FeedScope['event_status'];
	name?: string;
}

export interface FeedView {
	id: string;
	name: string;
	createdAt: string;
	createdBy: string | null;
	lastUsedAt: string | null;
	revokedAt: string | null;
}

function scopeOf(request: FeedRequest): FeedScope {
	return {
		person_id: request.personId ?? null,
		organization_id: request.organizationId ?? null,
		series_id: request.seriesId ?? null,
		event_kind: request.kind ?? null,
		event_status: request.status ?? null
	};
}

/** Creates a feed and returns its token, which exists nowhere else from then on. Audited. */
export async function createFeed(
	db: Kysely<Database>,
	actor: Actor,
	request: FeedRequest,
	now = new Date()
): Promise<{ token: string; feedId: string; name: string }> {
	authorize(actor, 'officer');
	const given = request.name?.trim() ?? '';
	if (given.length > NAME_MAX) {
		throw new RuleViolation('The name is too long.', { feedName: `At most ${NAME_MAX} characters.` });
	}
	const scope = scopeOf(request);
	const { id, secretHash, token } = issueToken();
	const name = await db.transaction().execute(async (tx) => {
		const names = await getScopeNames(tx, scope);
		if (scope.person_id !== null && names.person_family === null)
			throw new NotFound('There is no such person.');
		if (scope.organization_id !== null && names.organization_name === null) {
			throw new NotFound('There is no such organisation.');
		}
		if (scope.series_id !== null && names.series_name === null) {
			throw new RuleViolation('There is no such series.', { seriesId: 'Choose a series from the list.' });
		}
		const subject =
			names.person_family !== null
				? formatPersonName({
						honorific: null,
						given_name: names.person_given ?? '',
						family_name: names.person_family
					})
				: (names.organization_name ?? names.series_name ?? 'Office calendar');
		const name = given || `Protokol: ${subject}`;
		await insertFeed(tx, {
			id,
			secret_hash: secretHash,
			name,
			...scope,
			created_by_user_id: actor.userId,
			created_at: now.toISOString()
		});
		await recordAction(tx, actor, {
			action: 'calendar_feed.create',
			entityType: 'calendar_feed',
			entityId: null,
			after: { feedId: id, name, ...scope }
		});
		return name;
	});
	return { token, feedId: id, name };
}

export async function revokeFeed(db: Kysely<Database>, actor: Actor, feedId: string, now = new Date()) {
	authorize(actor, 'officer');
	await db.transaction().execute(async (tx) => {
		const feed = await findFeed(tx, feedId);
		if (!feed) throw new NotFound('There is no such calendar feed.');
		if (!(await revokeFeedRow(tx, feedId, now.toISOString()))) return;
		await recordAction(tx, actor, {
			action: 'calendar_feed.revoke',
			entityType: 'calendar_feed',
			entityId: null,
			before: { feedId, name: feed.name }
		});
	});
}

export async function listFeedsOf(
	db: Kysely<Database>,
	owner: { personId?: number; organizationId?: number; office?: true }
): Promise<FeedView[]> {
	const rows = await listFeeds(db, owner, FEED_LIST_LIMIT);
	return rows.map((r) => ({
		id: r.id,
		name: r.name,
		createdAt: r.created_at,
		createdBy: r.created_by,
		lastUsedAt: r.last_used_at,
		revokedAt: r.revoked_at
	}));
}

export interface FeedAnswer {
	text: string;
	etag: string;
	/** The latest change to anything in the feed, as an HTTP date. */
	lastModified: string;
}

/**
 * The calendar a feed token opens, or null when the token is malformed, unknown, has the wrong secret
 * or was revoked (the caller answers 404 alike for all). Two queries, whatever the number of events.
 */
export async function findFeedCalendar(
	db: Kysely<Database>,
	token: string,
	{ eventUrl, now = new Date() }: { eventUrl?: (eventId: number) => string; now?: Date } = {}
): Promise<FeedAnswer | null> {
	const parts = splitToken(token);
	if (!parts) return null;
	const feed = await findFeed(db, parts.id);
	if (!feed || !secretMatches(parts.secret, feed.secret_hash) || feed.revoked_at !== null) return null;
	if (feed.last_used_at === null || now.getTime() - Date.parse(feed.last_used_at) >= TOUCH_AFTER_MS) {
		await touchFeed(db, feed.id, now.toISOString());
	}
	const rows = await listFeedEvents(
		db,
		feed,
		{
			from: new Date(now.getTime() - PAST_DAYS * DAY_MS).toISOString(),
			to: new Date(now.getTime() + FUTURE_DAYS * DAY_MS).toISOString()
		},
		FEED_EVENT_LIMIT
	);
	const keepCancelledSince = now.getTime() - CANCELLED_KEPT_DAYS * DAY_MS;
	const shown = rows.filter(
		(r) =>
			r.status !== 'cancelled' ||
			Date.parse(r.end_at) > now.getTime() ||
			Date.parse(r.updated_at) >= keepCancelledSince
	);
	// No METHOD: DTSTAMP is then when each event was last revised, so an unchanged feed reads the same.
	const text = buildCalendar({
		name: feed.name,
		timeZone: officeTimeZone(),
		refreshMinutes: REFRESH_MINUTES,
		events: shown.map((r) => toIcalEvent(r, { stamp: r.updated_at, url: eventUrl?.(r.id) }))
	});
	const latest = Math.max(Date.parse(feed.created_at), ...shown.map((r) => Date.parse(r.updated_at)));
	return {
		text,
		etag: `"${encodeBase64urlNoPadding(sha256(new TextEncoder().encode(text)))}"`,
		lastModified: new Date(Math.floor(latest / 1000) * 1000).toUTCString()
	};
}

/** The office calendar's feeds and the series one may be limited to. */
export async function getOfficeFeeds(db: Kysely<Database>) {
	const [feeds, series] = await Promise.all([listFeedsOf(db, { office: true }), listEventSeries(db)]);
	return { feeds, series };
}

/**
 * One person's engagements as a file, for their personal link: what their feed would hold, a year back
 * and two ahead.
 */
export async function getPersonCalendarFile(
	db: Kysely<Database>,
	personId: number,
	now = new Date()
): Promise<string> {
	const rows = await listFeedEvents(
		db,
		{ person_id: personId, organization_id: null, series_id: null, event_kind: null, event_status: null },
		{
			from: new Date(now.getTime() - PAST_DAYS * DAY_MS).toISOString(),
			to: new Date(now.getTime() + FUTURE_DAYS * DAY_MS).toISOString()
		},
		FEED_EVENT_LIMIT
	);
	return buildCalendar({
		method: 'PUBLISH',
		name: 'My programme',
		events: rows.map((r) => toIcalEvent(r, { stamp: now.toISOString() }))
	});
}
