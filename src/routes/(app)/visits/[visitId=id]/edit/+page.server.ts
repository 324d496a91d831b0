import { error } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { m } from '$lib/paraglide/messages';
import { database } from '$lib/server/db';
import { timeZoneNames } from '$lib/server/venues/venue.input';
import { VISIT_FORM, VisitInput } from '$lib/server/visits/visit.input';
import { findVisitForm, reviseVisit, VISIT_CHOOSERS } from '$lib/server/visits/visit.service';
import { saveRecordForm, versionOf } from '../../../record-form.server';
import type { Actions, PageServerLoad } from './$types';
import { recordFormWords } from '$lib/server/i18n/record-form.words';
import { visitFormWords } from '$lib/server/visits/visit-form.words';
import { defineWords } from '$lib/server/i18n/words';

/** The page's own words, for its load to send. */
const pageWords = defineWords({
	visits_edit_title: m.visits_edit_title,
	visits_page_edit: m.visits_page_edit
});

export const load: PageServerLoad = async ({ params }) => {
	const visitId = Number(params.visitId);
	const form = await findVisitForm(database().db, visitId);
	if (!form) error(404, m.visits_not_found());
	return {
		recordWords: recordFormWords(),
		words: { ...visitFormWords(), ...pageWords() },
		...form,
		visitId,
		timeZones: timeZoneNames()
	};
};

export const actions: Actions = {
	save: async (event) => {
		const visitId = Number(event.params.visitId);
		return saveRecordForm(event.request, {
			read: VISIT_FORM.read,
			schema: VisitInput,
			choosers: VISIT_CHOOSERS,
			save: async (input, values) => {
				await reviseVisit(database().db, actorOf(event), visitId, versionOf(values, 'visit'), input);
				return `/visits/${visitId}`;
			}
		});
	}
};
