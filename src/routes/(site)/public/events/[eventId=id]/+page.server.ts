import { error } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { findPublicEventPage } from '$lib/server/events/public-event.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-cache' });
	const event = await findPublicEventPage(database().db, Number(params.eventId));
	if (!event) error(404, 'There is no such public event.');
	return { event };
};
