import { m } from '$lib/paraglide/messages';
import { error } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { getPersonCalendarFile } from '$lib/server/feeds/feed.service';
import { calendarResponse } from '$lib/server/ical/ical.http';
import { resolvePersonalLink } from '$lib/server/links/personal-link.service';
import { PERSONAL_PAGE_HEADERS } from '$lib/server/links/personal-page.headers';
import type { RequestHandler } from './$types';

/** The link holder's own engagements as an .ics file; a dead link opens nothing. */
export const GET: RequestHandler = async ({ params }) => {
	const db = database().db;
	const link = await resolvePersonalLink(db, params.token);
	if (!link) error(404, m.link_not_valid());
	return calendarResponse(await getPersonCalendarFile(db, link.personId), {
		download: 'my-programme.ics',
		headers: { ...PERSONAL_PAGE_HEADERS }
	});
};
