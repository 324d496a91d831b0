import { database } from '$lib/server/db';
import { parseGiftListQuery } from '$lib/server/gifts/gift.input';
import { getGiftRegister } from '$lib/server/gifts/gift.service';
import { pageRequest } from '$lib/server/pagination';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const query = parseGiftListQuery(url.searchParams);
	const register = await getGiftRegister(database().db, {
		...query,
		page: pageRequest(url, 25, ['date', 'id'])
	});
	return { query, ...register };
};
