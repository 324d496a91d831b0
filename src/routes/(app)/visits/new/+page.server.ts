import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { timeZoneNames } from '$lib/server/venues/venue.input';
import { VISIT_FORM, VisitInput } from '$lib/server/visits/visit.input';
import { getVisitFormChoices, planVisit, VISIT_CHOOSERS } from '$lib/server/visits/visit.service';
import { saveRecordForm } from '../../record-form.server';
import type { Actions, PageServerLoad } from './$types';
import { recordFormWords } from '$lib/server/i18n/record-form.words';
import { visitFormWords } from '$lib/server/visits/visit-form.words';
import { defineWords } from '$lib/server/i18n/words';
import { m } from '$lib/paraglide/messages';

/** The page's own words, for its load to send. */
const pageWords = defineWords({
	visits_list_add: m.visits_list_add,
	visits_list_title: m.visits_list_title,
	visits_new_intro: m.visits_new_intro
});

export const load: PageServerLoad = async () => {
	const values = { ...VISIT_FORM.empty(), kind: 'official', timing: 'exact', timeZone: 'Europe/Zurich' };
	return {
		recordWords: recordFormWords(),
		words: { ...visitFormWords(), ...pageWords() },
		values,
		named: await getVisitFormChoices(database().db, values),
		timeZones: timeZoneNames()
	};
};

export const actions: Actions = {
	save: async (event) => {
		return saveRecordForm(event.request, {
			read: VISIT_FORM.read,
			schema: VisitInput,
			choosers: VISIT_CHOOSERS,
			save: async (input) => `/visits/${await planVisit(database().db, actorOf(event), input)}`
		});
	}
};
