/**
 * Calendar subscriptions: a secret URL a calendar client polls (webcal:// or https://) for the events a
 * filter selects — one person's engagements, an organisation's, a series', or the office calendar's.
 * Tokens are "<id>.<secret>" like personal links: only SHA-256 of the secret is stored, the URL is shown
 * once, and revoking it ends it. Beside them, the office's public events as an open feed.
 *
 * The answer carries an ETag and Last-Modified that move whenever what the feed shows changes, a
 * deletion included: triggers note every change by scope in feed_change, so a feed's version is read
 * without building it, and a client polling an unchanged calendar gets 304 before any event is read.
 */
import type { Kysely } from 'kysely';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase64urlNoPadding } from '@oslojs/encoding';
import { formatShortDateTime } from '../../format/datetime';
import { formatPersonName } from '../../format/names';
import { recordAction, type Actor } from '../audit/audit';
import { issueToken, secretMatches, splitToken } from '../auth/tokens';
import type { Database } from '../db/schema';
import { NotFound, RuleViolation } from '../errors';
import { listLatestEventSeries } from '../events/event.repository';
import { officeTimeZone } from '../calendar/calendar.settings';
import { buildCalendar } from '../ical/ical.calendar';
import { toIcalEvent } from '../ical/ical.event';
import {
	findFeed,
	getScopeNames,
	insertFeed,
	listFeedEvents,
	findLatestFeedChanges,
	listFeeds,
	pruneFeedChanges,
	revokeFeedRow,
	touchFeed,
	type FeedScope
} from './feed.repository';
import { authorize } from '../auth/authorize';
import { logger } from '../observability/logger';
import { listLogisticsEvents } from '../visits/visit.service';
import { m } from '../../paraglide/messages.js';

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
	/**
	 * When and by whom it was made, and when last read or revoked, in the reader's language with the
	 * times in UTC ("Created 17 Dec 2021 10:00 UTC by … · Last read …"): the panel writes nothing itself.
	 */
	said: string;
}

const utc = (instant: string) => `${formatShortDateTime(instant, 'UTC')} UTC`;

/** When a feed was made, and by whom where known. */
const feedMade = (at: string, by: string | null) =>
	by ? m.calendar_feed_created_by({ at: utc(at), by }) : m.calendar_feed_created({ at: utc(at) });

/** Whether a feed was revoked, else when it was last read. */
const feedUse = (lastUsedAt: string | null, revokedAt: string | null) =>
	revokedAt
		? m.calendar_feed_revoked_at({ at: utc(revokedAt) })
		: lastUsedAt
			? m.calendar_feed_last_read({ at: utc(lastUsedAt) })
			: m.calendar_feed_not_read();

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
		throw new RuleViolation(m.calendar_feed_error_name_too_long(), {
			feedName: m.calendar_feed_error_name_max({ max: NAME_MAX })
		});
	}
	const scope = scopeOf(request);
	const { id, secretHash, token } = issueToken();
	const name = await db.transaction().execute(async (tx) => {
		const names = await getScopeNames(tx, scope);
		if (scope.person_id !== null && names.person_family === null)
			throw new NotFound(m.calendar_feed_error_no_person());
		if (scope.organization_id !== null && names.organization_name === null) {
			throw new NotFound(m.calendar_feed_error_no_organization());
		}
		if (scope.series_id !== null && names.series_name === null) {
			throw new RuleViolation(m.calendar_feed_error_no_series(), {
				seriesId: m.calendar_feed_error_choose_series()
			});
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
		if (!feed) throw new NotFound(m.calendar_feed_error_no_feed());
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
		revokedAt: r.revoked_at,
		said: `${feedMade(r.created_at, r.created_by)} · ${feedUse(r.last_used_at, r.revoked_at)}`
	}));
}

export interface FeedAnswer {
	/** The calendar, or null when the client's copy is current (answer 304): then it was never built. */
	text: string | null;
	etag: string;
	/** When the content last changed, as an HTTP date (see feedVersion). */
	lastModified: string;
}

/** What the client says it has: If-None-Match and If-Modified-Since as sent. */
export interface FeedCondition {
	ifNoneMatch?: string | null;
	ifModifiedSince?: string | null;
}

export interface FeedOptions {
	/** The site's origin: each event links to its page there. */
	origin?: string;
	/** The build of the application: a new one may write the same events differently. */
	build?: string;
	condition?: FeedCondition;
	now?: Date;
}

/**
 * A change is noted with the database's clock before its transaction commits; a reader meanwhile sees
 * the older content. A Last-Modified within this of now could therefore name a second in which a change
 * is still to become visible, so it is given as the second before, and the client asks again.
 */
const SETTLE_MS = 5000;
const SECOND_MS = 1000;

/** What a feed is: the scope it selects, its name, and the changes that tell whether it changed. */
interface OpenedFeed {
	/** The feed's id, or 'public'. */
	key: string;
	name: string;
	scope: FeedScope;
	/** Scopes in feed_change that every change to this feed notes (feed.repository.ts). */
	changeScopes: string[];
}

/**
 * The change scopes a feed depends on. A change that alters the feed notes every one of them (the
 * event's person, organisation, series), so the least recent of their latest changes is when the feed
 * last changed; 'all' (a venue renamed) comes on top.
 */
function changeScopesOf(scope: FeedScope): string[] {
	if (scope.only_public) return ['public'];
	const scopes: string[] = [];
	if (scope.person_id !== null) scopes.push(`person:${scope.person_id}`);
	if (scope.organization_id !== null) scopes.push(`organization:${scope.organization_id}`);
	if (scope.series_id !== null) scopes.push(`series:${scope.series_id}`);
	return scopes.length > 0 ? scopes : ['office'];
}

/**
 * The start of the UTC day of `now`: the window and what stays in it move once a day, at midnight, so
 * the content is a function of the data and the day alone, and the day is part of its version.
 */
function dayOf(now: Date): number {
	return Math.floor(now.getTime() / DAY_MS) * DAY_MS;
}

function windowOf(day: number) {
	return {
		from: new Date(day - PAST_DAYS * DAY_MS).toISOString(),
		// To the end of the day two years ahead.
		to: new Date(day + (FUTURE_DAYS + 1) * DAY_MS).toISOString()
	};
}

const hash = (text: string) => encodeBase64urlNoPadding(sha256(new TextEncoder().encode(text)));

/**
 * A feed's version, without reading a single event: when it last changed (the latest noted change of
 * its scopes, or the start of today, whichever is later) and an ETag of that, the day
 * and everything else the text is made from. Whether the client's copy is current follows from it.
 */
async function feedVersion(
	db: Kysely<Database>,
	feed: OpenedFeed,
	{ origin = '', build = '', condition = {}, now }: FeedOptions & { now: Date }
) {
	const scopes = feed.changeScopes;
	const latest = await findLatestFeedChanges(db, [...scopes, 'all']);
	const own = latest.slice(0, scopes.length).map((at) => (at === null ? 0 : Date.parse(at)));
	const day = dayOf(now);
	const changed = Math.max(
		Math.min(...own),
		latest[scopes.length] ? Date.parse(latest[scopes.length]!) : 0,
		day
	);
	const changedSecond = Math.floor(changed / SECOND_MS) * SECOND_MS;
	const settled = now.getTime() - changed >= SETTLE_MS;
	const lastModified = settled ? changedSecond : changedSecond - SECOND_MS;
	const etag = `"${hash(
		JSON.stringify([feed.key, new Date(changed).toISOString(), day, officeTimeZone(), origin, build])
	)}"`;
	// If-None-Match decides when sent (RFC 9110 13.2.2); a date is compared with the change's own second.
	const current = condition.ifNoneMatch
		? condition.ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
		: Boolean(condition.ifModifiedSince) && changedSecond <= Date.parse(condition.ifModifiedSince!);
	return { etag, lastModified: new Date(lastModified).toUTCString(), current, day };
}

/**
 * A feed's answer: 304's validators when the client's copy is current, before any event is read;
 * otherwise the calendar, from one query for the window's events.
 */
async function answerFeed(db: Kysely<Database>, feed: OpenedFeed, options: FeedOptions & { now: Date }) {
	const { etag, lastModified, current, day } = await feedVersion(db, feed, options);
	maybePruneFeedChanges(db, options.now);
	if (current) return { text: null, etag, lastModified };
	const rows = await listFeedEvents(db, feed.scope, windowOf(day), FEED_EVENT_LIMIT);
	const keepCancelledSince = day - CANCELLED_KEPT_DAYS * DAY_MS;
	const shown = rows.filter(
		(r) =>
			r.status !== 'cancelled' || Date.parse(r.end_at) > day || Date.parse(r.updated_at) >= keepCancelledSince
	);
	const { origin } = options;
	const logistics = isPersonOnly(feed.scope)
		? await listLogisticsEvents(db, feed.scope.person_id!, windowOf(day), FEED_EVENT_LIMIT)
		: [];
	// No METHOD: DTSTAMP is then when each event was last revised, so an unchanged feed reads the same.
	const text = buildCalendar({
		name: feed.name,
		timeZone: officeTimeZone(),
		refreshMinutes: REFRESH_MINUTES,
		events: [
			...shown.map((r) =>
				toIcalEvent(r, { stamp: r.updated_at, url: origin ? `${origin}/events/${r.id}` : undefined })
			),
			...logistics
		]
	});
	return { text, etag, lastModified };
}

/**
 * A person's own feed (no other filter) carries their visits' logistics too — arrival, transfers, meals,
 * hotel, departure — as the itinerary on their personal link does; a meeting is in it as its event.
 * Their changes note 'person:<id>' (20261208_0300), so the feed's version moves with them.
 */
function isPersonOnly(scope: FeedScope): boolean {
	return (
		scope.person_id !== null &&
		!scope.only_public &&
		scope.organization_id === null &&
		scope.series_id === null &&
		scope.event_kind === null &&
		scope.event_status === null
	);
}

/** Only the latest change of each scope is read: older ones go, once an hour per process. */
const PRUNE_EVERY_MS = 60 * 60 * 1000;
let prunedAt = 0;

function maybePruneFeedChanges(db: Kysely<Database>, now: Date) {
	if (Date.now() - prunedAt < PRUNE_EVERY_MS) return;
	prunedAt = Date.now();
	// Alongside the answer, never in its way; another process pruning at once only makes it fail.
	pruneFeedChanges(db, new Date(now.getTime() - PRUNE_EVERY_MS).toISOString()).catch((error: unknown) =>
		logger.warn({ err: error }, 'pruning the feed changes failed')
	);
}

/**
 * The calendar a feed token opens, or null when the token is malformed, unknown, has the wrong secret
 * or was revoked (the caller answers 404 alike for all). A client whose copy is current (`condition`)
 * costs two queries and no event; otherwise one more reads the window's events.
 */
export async function findFeedCalendar(
	db: Kysely<Database>,
	token: string,
	options: FeedOptions = {}
): Promise<FeedAnswer | null> {
	const now = options.now ?? new Date();
	const parts = splitToken(token);
	if (!parts) return null;
	const feed = await findFeed(db, parts.id);
	if (!feed || !secretMatches(parts.secret, feed.secret_hash) || feed.revoked_at !== null) return null;
	if (feed.last_used_at === null || now.getTime() - Date.parse(feed.last_used_at) >= TOUCH_AFTER_MS) {
		await touchFeed(db, feed.id, now.toISOString());
	}
	const scope: FeedScope = {
		person_id: feed.person_id,
		organization_id: feed.organization_id,
		series_id: feed.series_id,
		event_kind: feed.event_kind,
		event_status: feed.event_status
	};
	return answerFeed(
		db,
		{ key: feed.id, name: feed.name, scope, changeScopes: changeScopesOf(scope) },
		{ ...options, now }
	);
}

/** What the office's open feed of public events is called in a calendar program. */
export const PUBLIC_FEED_NAME = 'Protokol: public events';

/**
 * The office's public events, a year back and two ahead: an open feed, no token, since each of them is
 * on the public pages already (routes/(site)/public/events). Drafts never, whatever their flag.
 */
export async function findPublicCalendar(
	db: Kysely<Database>,
	options: FeedOptions = {}
): Promise<FeedAnswer> {
	const scope: FeedScope = {
		person_id: null,
		organization_id: null,
		series_id: null,
		event_kind: null,
		event_status: null,
		only_public: true
	};
	return answerFeed(
		db,
		{ key: 'public', name: PUBLIC_FEED_NAME, scope, changeScopes: changeScopesOf(scope) },
		{ ...options, now: options.now ?? new Date() }
	);
}

/** How many series the office calendar's feed form offers: the last created. */
export const FEED_SERIES_CHOICES = 100;

/**
 * The office calendar's feeds and the series one may be limited to: the FEED_SERIES_CHOICES last
 * created, by name (`moreSeries` when the office holds more), not every series of its history — five
 * thousand at a million events, 400 KB of every calendar page. Two queries.
 */
export async function getOfficeFeeds(db: Kysely<Database>) {
	const [feeds, series] = await Promise.all([
		listFeedsOf(db, { office: true }),
		listLatestEventSeries(db, FEED_SERIES_CHOICES + 1)
	]);
	const moreSeries = series.length > FEED_SERIES_CHOICES;
	// The one left out is the oldest of those read: the list stays in name order without it.
	const shown = moreSeries ? series.filter((s) => s.id !== Math.min(...series.map((x) => x.id))) : series;
	return { feeds, series: shown, moreSeries };
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
	const window = {
		from: new Date(now.getTime() - PAST_DAYS * DAY_MS).toISOString(),
		to: new Date(now.getTime() + FUTURE_DAYS * DAY_MS).toISOString()
	};
	const [rows, logistics] = await Promise.all([
		listFeedEvents(
			db,
			{ person_id: personId, organization_id: null, series_id: null, event_kind: null, event_status: null },
			window,
			FEED_EVENT_LIMIT
		),
		listLogisticsEvents(db, personId, window, FEED_EVENT_LIMIT)
	]);
	return buildCalendar({
		method: 'PUBLISH',
		name: 'My programme',
		events: [
			...rows.map((r) => toIcalEvent(r, { stamp: now.toISOString() })),
			...logistics.map((event) => ({ ...event, stamp: now.toISOString() }))
		]
	});
}
