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

export const load: PageServerLoad = async ({ params }) => {
	const agreementId = Number(params.agreementId);
	const form = await findAgreementForm(database().db, agreementId);
	if (!form) error(404, m.agreements_not_found());
	return { recordWords: recordFormWords(), ...form, agreementId };
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
