import { error } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { getEventPage } from '$lib/server/events/event.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const event = await getEventPage(database().db, Number(params.eventId));
	if (!event) error(404, 'There is no such event.');
	return { event };
};
