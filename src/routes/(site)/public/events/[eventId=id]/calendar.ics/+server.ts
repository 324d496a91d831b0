import { m } from '$lib/paraglide/messages';
import { error } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { calendarResponse } from '$lib/server/ical/ical.http';
import { findEventCalendarFile } from '$lib/server/ical/ical.service';
import type { RequestHandler } from './$types';

/** A public event as an .ics file; `?agenda=1` adds each item of its published programme. */
export const GET: RequestHandler = async ({ params, url }) => {
	const eventId = Number(params.eventId);
	const file = await findEventCalendarFile(database().db, eventId, {
		onlyPublic: true,
		withAgenda: url.searchParams.get('agenda') === '1',
		eventUrl: `${url.origin}/public/events/${eventId}`
	});
	if (!file) error(404, m.public_not_found());
	return calendarResponse(file.text, { download: file.filename });
};
