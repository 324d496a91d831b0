import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import {
	CorrespondenceInput,
	emptyCorrespondenceForm,
	readCorrespondenceForm
} from '$lib/server/correspondence/correspondence.input';
import {
	CORRESPONDENCE_CHOOSERS,
	createCorrespondence,
	getCorrespondenceFormChoices
} from '$lib/server/correspondence/correspondence.service';
import { positiveId } from '$lib/server/query-params';
import { saveRecordForm } from '../../record-form.server';
import type { Actions, PageServerLoad } from './$types';
import { recordFormWords } from '$lib/server/i18n/record-form.words';
import { correspondenceFormWords } from '$lib/server/correspondence/correspondence-form.words';
import { defineWords } from '$lib/server/i18n/words';
import { m } from '$lib/paraglide/messages';

/** The page's own words, for its load to send. */
const pageWords = defineWords({
	correspondence_list_title: m.correspondence_list_title,
	correspondence_new_heading: m.correspondence_new_heading,
	correspondence_new_intro: m.correspondence_new_intro,
	correspondence_new_submit: m.correspondence_new_submit,
	correspondence_new_title: m.correspondence_new_title
});

/** `?event=<id>`: a document that leads to that event (the link can be changed in the form). */
export const load: PageServerLoad = async ({ url }) => {
	const eventId = positiveId(url.searchParams.get('event'));
	const choices = await getCorrespondenceFormChoices(database().db, eventId ? [eventId] : []);
	const events = choices.events.map((e) => `${e.id}:leads_to`).join(',');
	return {
		recordWords: recordFormWords(),
		words: { ...correspondenceFormWords(), ...pageWords() },
		values: { ...emptyCorrespondenceForm(), events },
		choices
	};
};

export const actions: Actions = {
	save: async (event) => {
		return saveRecordForm(event.request, {
			read: readCorrespondenceForm,
			schema: CorrespondenceInput,
			choosers: CORRESPONDENCE_CHOOSERS,
			save: async (input) =>
				`/correspondence/${await createCorrespondence(database().db, actorOf(event), input)}`
		});
	}
};
