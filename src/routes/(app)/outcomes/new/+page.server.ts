import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { emptyOutcomeForm, OutcomeInput, readOutcomeForm } from '$lib/server/outcomes/outcome.input';
import { createOutcome, getOutcomeFormChoices, OUTCOME_CHOOSERS } from '$lib/server/outcomes/outcome.service';
import { positiveId } from '$lib/server/query-params';
import { saveRecordForm } from '../../record-form.server';
import type { Actions, PageServerLoad } from './$types';
import { recordFormWords } from '$lib/server/i18n/record-form.words';

/** `?event=<id>`: an outcome of that event; without it, one recorded on its own. */
export const load: PageServerLoad = async ({ url }) => {
	const choices = await getOutcomeFormChoices(
		database().db,
		positiveId(url.searchParams.get('event')) ?? null
	);
	return {
		recordWords: recordFormWords(),
		values: { ...emptyOutcomeForm(), eventId: choices.event ? String(choices.event.id) : '' },
		choices
	};
};

export const actions: Actions = {
	save: async (event) => {
		return saveRecordForm(event.request, {
			read: readOutcomeForm,
			schema: OutcomeInput,
			choosers: OUTCOME_CHOOSERS,
			save: async (input) => `/outcomes/${await createOutcome(database().db, actorOf(event), input)}`
		});
	}
};
