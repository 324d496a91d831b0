import { m } from '$lib/paraglide/messages';
import { error } from '@sveltejs/kit';
import { version } from '$app/environment';
import { database } from '$lib/server/db';
import { findFeedCalendar } from '$lib/server/feeds/feed.service';
import { feedResponse, feedCondition } from '$lib/server/ical/ical.http';
import type { RequestHandler } from './$types';

/**
 * A calendar subscription (webcal:// or https://). The token is the only credential: an unknown,
 * malformed or revoked one is a plain 404. A client whose copy is current (If-None-Match, or
 * If-Modified-Since) gets 304 before any event is read.
 */
export const GET: RequestHandler = async ({ params, request, url }) => {
	const feed = await findFeedCalendar(database().db, params.token, {
		origin: url.origin,
		build: version,
		condition: feedCondition(request)
	});
	if (!feed) error(404, m.calendar_feed_error_no_feed());
	return feedResponse(feed);
};
