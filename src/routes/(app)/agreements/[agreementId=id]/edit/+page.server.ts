import { m } from '$lib/paraglide/messages';
import { error } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { AGREEMENT_FORM, AgreementInput } from '$lib/server/agreements/agreement.input';
import {
	AGREEMENT_CHOOSERS,
	findAgreementForm,
	reviseAgreement
} from '$lib/server/agreements/agreement.service';
import { saveRecordForm, versionOf } from '../../../record-form.server';
import type { Actions, PageServerLoad } from './$types';
import { recordFormWords } from '$lib/server/i18n/record-form.words';
import { agreementFormWords } from '$lib/server/agreements/agreement-form.words';
import { defineWords } from '$lib/server/i18n/words';

/** The page's own words, for its load to send. */
const pageWords = defineWords({
	agreements_edit_heading: m.agreements_edit_heading,
	agreements_edit_title: m.agreements_edit_title
});

export const load: PageServerLoad = async ({ params }) => {
	const agreementId = Number(params.agreementId);
	const form = await findAgreementForm(database().db, agreementId);
	if (!form) error(404, m.agreements_not_found());
	return {
		recordWords: recordFormWords(),
		words: { ...agreementFormWords(), ...pageWords() },
		...form,
		agreementId
	};
};

export const actions: Actions = {
	save: async (event) => {
		const agreementId = Number(event.params.agreementId);
		return saveRecordForm(event.request, {
			read: AGREEMENT_FORM.read,
			schema: AgreementInput,
			choosers: AGREEMENT_CHOOSERS,
			save: async (input, values) => {
				const version = versionOf(values, 'agreement');
				await reviseAgreement(database().db, actorOf(event), agreementId, version, input);
				return `/agreements/${agreementId}`;
			}
		});
	}
};
