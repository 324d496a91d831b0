import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { database } from '$lib/server/db';
import { findPublicEventPage } from '$lib/server/events/public-event.service';
import { timedItem, writtenWhen } from '$lib/server/events/event.view';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-cache' });
	const event = await findPublicEventPage(database().db, Number(params.eventId));
	if (!event) error(404, m.public_not_found());
	// Its time and its items' written in its zone here, so that the page formats no dates.
	return {
		event: {
			...event,
			when: writtenWhen(event),
			agenda: event.agenda.map((item) => timedItem(item, event.timeZone))
		}
	};
};
