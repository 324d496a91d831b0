import { database } from '$lib/server/db';
import { pageRequest } from '$lib/server/pagination';
import { listWords } from '$lib/server/i18n/list.words';
import { oneOf } from '$lib/server/query-params';
import { searchEverything, searchType } from '$lib/server/search/search.service';
import { searchTypes } from '$lib/server/search/search.view';
import type { PageServerLoad } from './$types';

const TYPES = searchTypes.map((t) => t.type);

export const load: PageServerLoad = async ({ url }) => {
	const { db } = database();
	const q = (url.searchParams.get('q') ?? '').slice(0, 200);
	const type = oneOf(TYPES, url.searchParams.get('type'));
	if (type) {
		const typed = await searchType(db, q, type, pageRequest(url, 25, ['score', 'id']));
		return { q, type, typed, results: null, words: listWords() };
	}
	return { q, type: null, typed: null, results: await searchEverything(db, q), words: listWords() };
};
