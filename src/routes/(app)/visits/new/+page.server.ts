import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { timeZoneNames } from '$lib/server/venues/venue.input';
import { VISIT_FORM, VisitInput } from '$lib/server/visits/visit.input';
import { getVisitFormChoices, planVisit, VISIT_CHOOSERS } from '$lib/server/visits/visit.service';
import { saveRecordForm } from '../../record-form.server';
import type { Actions, PageServerLoad } from './$types';
import { recordFormWords } from '$lib/server/i18n/record-form.words';

export const load: PageServerLoad = async () => {
	const values = { ...VISIT_FORM.empty(), kind: 'official', timing: 'exact', timeZone: 'Europe/Zurich' };
	return {
		recordWords: recordFormWords(),
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
