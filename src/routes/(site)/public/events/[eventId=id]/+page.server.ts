import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { database } from '$lib/server/db';
import { findPublicEventPage } from '$lib/server/events/public-event.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-cache' });
	const event = await findPublicEventPage(database().db, Number(params.eventId));
	if (!event) error(404, m.public_not_found());
	return { event };
};
