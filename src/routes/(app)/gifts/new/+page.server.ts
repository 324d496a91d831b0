import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { GIFT_FORM, GiftInput } from '$lib/server/gifts/gift.input';
import { createGift, getGiftFormChoices, GIFT_CHOOSERS } from '$lib/server/gifts/gift.service';
import { positiveId } from '$lib/server/query-params';
import { saveRecordForm } from '../../record-form.server';
import type { Actions, PageServerLoad } from './$types';
import { recordFormWords } from '$lib/server/i18n/record-form.words';
import { giftFormWords } from '$lib/server/gifts/gift-form.words';
import { defineWords } from '$lib/server/i18n/words';
import { m } from '$lib/paraglide/messages';

/** The page's own words, for its load to send. */
const pageWords = defineWords({
	gifts_list_add: m.gifts_list_add,
	gifts_list_title: m.gifts_list_title,
	gifts_new_intro: m.gifts_new_intro
});

/** `?event=<id>`: a gift given at that event; `?direction=given` for a gift the office gave. */
export const load: PageServerLoad = async ({ url }) => {
	const eventId = positiveId(url.searchParams.get('event'));
	const direction = url.searchParams.get('direction') === 'given' ? 'given' : 'received';
	const values = {
		...GIFT_FORM.empty(),
		direction,
		disposition: 'undecided',
		givenOn: new Date().toISOString().slice(0, 10),
		eventId: eventId ? String(eventId) : ''
	};
	const choices = await getGiftFormChoices(database().db, values);
	return {
		recordWords: recordFormWords(),
		words: { ...giftFormWords(), ...pageWords() },
		values: { ...values, eventId: choices.event ? String(choices.event.id) : '' },
		choices
	};
};

export const actions: Actions = {
	save: async (event) => {
		return saveRecordForm(event.request, {
			read: GIFT_FORM.read,
			schema: GiftInput,
			choosers: GIFT_CHOOSERS,
			save: async (input) => `/gifts/${await createGift(database().db, actorOf(event), input)}`
		});
	}
};
