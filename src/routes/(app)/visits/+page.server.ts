import { database } from '$lib/server/db';
import { pageRequest } from '$lib/server/pagination';
import { getVisitList } from '$lib/server/visits/visit.service';
import type { PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { defineWords } from '$lib/server/i18n/words';
import { listWords } from '$lib/server/i18n/list.words';

/** The page's words, for its load to send. */
const pageWords = defineWords({
	visits_dates_assumed: m.visits_dates_assumed,
	visits_list_add: m.visits_list_add,
	visits_list_dates: m.visits_list_dates,
	visits_list_delegation: m.visits_list_delegation,
	visits_list_eyebrow: m.visits_list_eyebrow,
	visits_list_host: m.visits_list_host,
	visits_list_no_match: m.visits_list_no_match,
	visits_list_none_yet: m.visits_list_none_yet,
	visits_list_title: m.visits_list_title,
	visits_list_visit: m.visits_list_visit
});

export const load: PageServerLoad = async ({ url }) => {
	return {
		...(await getVisitList(database().db, pageRequest(url, 25, ['date', 'id']))),
		words: { ...listWords(), ...pageWords() }
	};
};
