import { error } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { m } from '$lib/paraglide/messages';
import { database } from '$lib/server/db';
import { PersonCreateInput, readPersonForm } from '$lib/server/people/person.input';
import { findPersonForm, PERSON_CHOOSERS, revisePerson } from '$lib/server/people/person.service';
import { saveRecordForm, versionOf } from '../../../record-form.server';
import type { Actions, PageServerLoad } from './$types';
import { recordFormWords } from '$lib/server/i18n/record-form.words';
import { defineWords } from '$lib/server/i18n/words';
import { personFormWords } from '$lib/server/people/person-fields.words';

/** The page's words, for its load to send. */
const pageWords = defineWords({
	people_edit_intro: m.people_edit_intro,
	people_edit_save: m.people_edit_save,
	people_edit_title: m.people_edit_title,
	people_list_title: m.people_list_title
});

export const load: PageServerLoad = async ({ params }) => {
	const personId = Number(params.personId);
	const form = await findPersonForm(database().db, personId);
	if (!form) error(404, m.people_not_found());
	return {
		words: pageWords(),
		recordWords: recordFormWords(),
		personWords: personFormWords(),
		...form,
		personId
	};
};

export const actions: Actions = {
	save: async (event) => {
		const personId = Number(event.params.personId);
		return saveRecordForm(event.request, {
			read: readPersonForm,
			schema: PersonCreateInput,
			choosers: PERSON_CHOOSERS,
			save: async (input, values) => {
				await revisePerson(database().db, actorOf(event), personId, versionOf(values, 'person'), input);
				return `/people/${personId}`;
			}
		});
	}
};
