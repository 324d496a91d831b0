import { m } from '$lib/paraglide/messages';
import { error } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { calendarResponse } from '$lib/server/ical/ical.http';
import { findEventCalendarFile } from '$lib/server/ical/ical.service';
import type { RequestHandler } from './$types';

/** The event as an .ics file; `?agenda=1` adds each timed item of the published programme. */
export const GET: RequestHandler = async ({ params, url }) => {
	const eventId = Number(params.eventId);
	const file = await findEventCalendarFile(database().db, eventId, {
		withAgenda: url.searchParams.get('agenda') === '1',
		eventUrl: `${url.origin}/events/${eventId}`
	});
	if (!file) error(404, m.events_page_not_found());
	return calendarResponse(file.text, { download: file.filename });
};
