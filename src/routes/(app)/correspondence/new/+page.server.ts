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

/** `?event=<id>`: a document that leads to that event (the link can be changed in the form). */
export const load: PageServerLoad = async ({ url }) => {
	const eventId = positiveId(url.searchParams.get('event'));
	const choices = await getCorrespondenceFormChoices(database().db, eventId ? [eventId] : []);
	const events = choices.events.map((e) => `${e.id}:leads_to`).join(',');
	return { recordWords: recordFormWords(), values: { ...emptyCorrespondenceForm(), events }, choices };
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
