import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { PERSON_CHOOSERS } from '$lib/server/people/person.service';
import {
	emptyPositionForm,
	PersonPositionInput,
	readPositionForm
} from '$lib/server/people/person-position.input';
import { addPersonPosition, findPersonPositionsPage } from '$lib/server/people/person-position.service';
import { saveRecordForm } from '../../../record-form.server';
import type { Actions, PageServerLoad } from './$types';
import { recordFormWords } from '$lib/server/i18n/record-form.words';
import { defineWords } from '$lib/server/i18n/words';
import { positionFieldMessages } from '$lib/server/people/person-position.words';

/** The page's words and its fields', for its load to send. */
const pageWords = defineWords({
	...positionFieldMessages,
	positions_page_title: m.positions_page_title,
	positions_people: m.positions_people,
	positions_intro: m.positions_intro,
	positions_done_added: m.positions_done_added,
	positions_done_removed: m.positions_done_removed,
	positions_done_saved: m.positions_done_saved,
	positions_list_heading: m.positions_list_heading,
	positions_empty: m.positions_empty,
	positions_edit: m.positions_edit,
	positions_add_heading: m.positions_add_heading,
	positions_add_submit: m.positions_add_submit
});

export const load: PageServerLoad = async ({ params }) => {
	const page = await findPersonPositionsPage(database().db, Number(params.personId));
	if (!page) error(404, m.positions_error_no_person());
	return { recordWords: recordFormWords(), words: pageWords(), page, values: emptyPositionForm() };
};

export const actions: Actions = {
	save: async (event) => {
		const personId = Number(event.params.personId);
		return saveRecordForm(event.request, {
			read: readPositionForm,
			schema: PersonPositionInput,
			choosers: PERSON_CHOOSERS,
			save: async (input) => {
				await addPersonPosition(database().db, actorOf(event), personId, input);
				return `/people/${personId}/positions?done=added`;
			}
		});
	}
};
