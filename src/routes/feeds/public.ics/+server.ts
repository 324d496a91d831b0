import { version } from '$app/environment';
import { database } from '$lib/server/db';
import { findPublicCalendar } from '$lib/server/feeds/feed.service';
import { feedCondition, feedResponse } from '$lib/server/ical/ical.http';
import type { RequestHandler } from './$types';

/** The office's public events as an open subscription: no token, since they are public already. */
export const GET: RequestHandler = async ({ request, url }) =>
	feedResponse(
		await findPublicCalendar(database().db, {
			origin: url.origin,
			build: version,
			condition: feedCondition(request)
		})
	);
