import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { findEventHistory } from '$lib/server/audit/audit.service';
import { datedEntries } from '$lib/server/audit/audit.view';
import { database } from '$lib/server/db';
import { pageRequest } from '$lib/server/pagination';
import { listWords } from '$lib/server/i18n/list.words';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const page = await findEventHistory(
		database().db,
		Number(params.eventId),
		pageRequest(url, 50, ['instant', 'id'])
	);
	if (!page) error(404, m.events_page_not_found());
	return { ...page, history: datedEntries(page.history, page.event.timeZone), words: listWords() };
};
