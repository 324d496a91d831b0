import { database } from '$lib/server/db';
import { listPublicEventsPage } from '$lib/server/events/public-event.service';
import { writtenWhen } from '$lib/server/events/event.view';
import { pageRequest } from '$lib/server/pagination';
import { listWords } from '$lib/server/i18n/list.words';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, setHeaders }) => {
	// Public, but still not for shared caches: an officer may unpublish an event at any moment.
	setHeaders({ 'cache-control': 'no-cache' });
	const events = await listPublicEventsPage(
		database().db,
		new Date().toISOString(),
		pageRequest(url, 25, ['instant', 'id'])
	);
	// The open feed of these events (routes/feeds/public.ics): webcal:// opens the calendar program.
	const feed = `${url.origin}/feeds/public.ics`;
	return {
		// Their times written here, each in its zone, so that the page formats no dates.
		events: { ...events, items: events.items.map((event) => ({ ...event, when: writtenWhen(event) })) },
		feed: { https: feed, webcal: feed.replace(/^https?:/, 'webcal:') },
		words: listWords()
	};
};
