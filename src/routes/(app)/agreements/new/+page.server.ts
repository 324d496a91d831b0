import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { AGREEMENT_FORM, AgreementInput } from '$lib/server/agreements/agreement.input';
import {
	AGREEMENT_CHOOSERS,
	createAgreement,
	getAgreementFormChoices
} from '$lib/server/agreements/agreement.service';
import { positiveId } from '$lib/server/query-params';
import { saveRecordForm } from '../../record-form.server';
import type { Actions, PageServerLoad } from './$types';
import { recordFormWords } from '$lib/server/i18n/record-form.words';
import { agreementFormWords } from '$lib/server/agreements/agreement-form.words';
import { defineWords } from '$lib/server/i18n/words';
import { m } from '$lib/paraglide/messages';

/** The page's own words, for its load to send. */
const pageWords = defineWords({
	agreements_list_title: m.agreements_list_title,
	agreements_new_heading: m.agreements_new_heading,
	agreements_new_intro: m.agreements_new_intro,
	agreements_new_title: m.agreements_new_title
});

/** `?event=<id>`: an agreement signed at that event (it can be changed in the form). */
export const load: PageServerLoad = async ({ url }) => {
	const eventId = positiveId(url.searchParams.get('event'));
	const choices = await getAgreementFormChoices(database().db, [eventId]);
	return {
		recordWords: recordFormWords(),
		words: { ...agreementFormWords(), ...pageWords() },
		values: { ...AGREEMENT_FORM.empty(), signedEventId: String(choices.events[0]?.id ?? '') },
		choices
	};
};

export const actions: Actions = {
	save: async (event) => {
		return saveRecordForm(event.request, {
			read: AGREEMENT_FORM.read,
			schema: AgreementInput,
			choosers: AGREEMENT_CHOOSERS,
			save: async (input) => `/agreements/${await createAgreement(database().db, actorOf(event), input)}`
		});
	}
};
