import { m } from '$lib/paraglide/messages';
import { error } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { OutcomeInput, readOutcomeForm } from '$lib/server/outcomes/outcome.input';
import { findOutcomeForm, OUTCOME_CHOOSERS, reviseOutcome } from '$lib/server/outcomes/outcome.service';
import { saveRecordForm, versionOf } from '../../../record-form.server';
import type { Actions, PageServerLoad } from './$types';
import { recordFormWords } from '$lib/server/i18n/record-form.words';

export const load: PageServerLoad = async ({ params }) => {
	const outcomeId = Number(params.outcomeId);
	const form = await findOutcomeForm(database().db, outcomeId);
	if (!form) error(404, m.outcomes_not_found());
	return { recordWords: recordFormWords(), ...form, outcomeId };
};

export const actions: Actions = {
	save: async (event) => {
		const outcomeId = Number(event.params.outcomeId);
		return saveRecordForm(event.request, {
			read: readOutcomeForm,
			schema: OutcomeInput,
			choosers: OUTCOME_CHOOSERS,
			save: async (input, values) => {
				await reviseOutcome(database().db, actorOf(event), outcomeId, versionOf(values, 'outcome'), input);
				return `/outcomes/${outcomeId}`;
			}
		});
	}
};
