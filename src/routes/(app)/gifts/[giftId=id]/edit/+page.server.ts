import { m } from '$lib/paraglide/messages';
import { error } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { GIFT_FORM, GiftInput } from '$lib/server/gifts/gift.input';
import { findGiftForm, GIFT_CHOOSERS, reviseGift } from '$lib/server/gifts/gift.service';
import { saveRecordForm, versionOf } from '../../../record-form.server';
import type { Actions, PageServerLoad } from './$types';
import { recordFormWords } from '$lib/server/i18n/record-form.words';
import { giftFormWords } from '$lib/server/gifts/gift-form.words';
import { defineWords } from '$lib/server/i18n/words';

/** The page's own words, for its load to send. */
const pageWords = defineWords({
	gifts_edit_title: m.gifts_edit_title,
	gifts_page_edit: m.gifts_page_edit
});

export const load: PageServerLoad = async ({ params }) => {
	const giftId = Number(params.giftId);
	const form = await findGiftForm(database().db, giftId);
	if (!form) error(404, m.gifts_page_not_found());
	return {
		recordWords: recordFormWords(),
		words: { ...giftFormWords(), ...pageWords() },
		...form,
		giftId
	};
};

export const actions: Actions = {
	save: async (event) => {
		const giftId = Number(event.params.giftId);
		return saveRecordForm(event.request, {
			read: GIFT_FORM.read,
			schema: GiftInput,
			choosers: GIFT_CHOOSERS,
			save: async (input, values) => {
				const version = versionOf(values, 'gift');
				await reviseGift(database().db, actorOf(event), giftId, version, input);
				return `/gifts/${giftId}`;
			}
		});
	}
};
