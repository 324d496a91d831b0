import { database } from '$lib/server/db';
import { pageRequest } from '$lib/server/pagination';
import { listWords } from '$lib/server/i18n/list.words';
import { listVenuesPage } from '$lib/server/venues/venue.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => ({
	venues: await listVenuesPage(database().db, pageRequest(url, 50, ['text', 'id'])),
	words: listWords()
});
