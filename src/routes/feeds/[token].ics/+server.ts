import { error } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { findFeedCalendar } from '$lib/server/feeds/feed.service';
import { calendarResponse } from '$lib/server/ical/ical.http';
import type { RequestHandler } from './$types';

/**
 * A calendar subscription (webcal:// or https://). The token is the only credential: an unknown,
 * malformed or revoked one is a plain 404. An unchanged calendar answers 304 to a client that names
 * what it has (If-None-Match, or If-Modified-Since).
 */
export const GET: RequestHandler = async ({ params, request, url }) => {
	const feed = await findFeedCalendar(database().db, params.token, {
		eventUrl: (eventId) => `${url.origin}/events/${eventId}`
	});
	if (!feed) error(404, 'There is no such calendar.');
	const headers = { ETag: feed.etag, 'Last-Modified': feed.lastModified };
	const ifNoneMatch = request.headers.get('if-none-match');
	const ifModifiedSince = request.headers.get('if-modified-since');
	const unchanged = ifNoneMatch
		? ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === feed.etag)
		: ifModifiedSince !== null && Date.parse(feed.lastModified) <= Date.parse(ifModifiedSince);
	return calendarResponse(feed.text, { headers, status: unchanged ? 304 : 200 });
};
