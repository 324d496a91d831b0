import { error } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { findEventPage } from '$lib/server/events/event-read.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const event = await findEventPage(database().db, Number(params.eventId));
	if (!event) error(404, 'There is no such event.');
	return { event };
};
