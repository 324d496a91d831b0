import { database } from '$lib/server/db';
import { parseGiftListQuery } from '$lib/server/gifts/gift.input';
import { getGiftRegister } from '$lib/server/gifts/gift.service';
import { pageRequest } from '$lib/server/pagination';
import type { PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { defineWords } from '$lib/server/i18n/words';
import { listWords } from '$lib/server/i18n/list.words';
import { giftDirections, giftDispositions } from '$lib/vocabulary';

/** The page's words, for its load to send. */
const pageWords = defineWords({
	giftDirections,
	giftDispositions,
	gifts_list_add: m.gifts_list_add,
	gifts_list_any_year: m.gifts_list_any_year,
	gifts_list_anything: m.gifts_list_anything,
	gifts_list_both: m.gifts_list_both,
	gifts_list_date: m.gifts_list_date,
	gifts_list_direction: m.gifts_list_direction,
	gifts_list_disposition: m.gifts_list_disposition,
	gifts_list_eyebrow: m.gifts_list_eyebrow,
	gifts_list_filter: m.gifts_list_filter,
	gifts_list_from: m.gifts_list_from,
	gifts_list_gift: m.gifts_list_gift,
	gifts_list_no_match: m.gifts_list_no_match,
	gifts_list_none_yet: m.gifts_list_none_yet,
	gifts_list_report: m.gifts_list_report,
	gifts_list_title: m.gifts_list_title,
	gifts_list_to: m.gifts_list_to,
	gifts_list_value: m.gifts_list_value,
	gifts_list_year: m.gifts_list_year
});

export const load: PageServerLoad = async ({ url }) => {
	const query = parseGiftListQuery(url.searchParams);
	const register = await getGiftRegister(database().db, {
		...query,
		page: pageRequest(url, 25, ['date', 'id'])
	});
	return { query, ...register, words: { ...listWords(), ...pageWords() } };
};
