import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { emptyPersonForm, PersonCreateInput, readPersonForm } from '$lib/server/people/person.input';
import { createPerson, getPersonFormChoices } from '$lib/server/people/person.service';
import { saveRecordForm } from '../../record-form.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	return { values: emptyPersonForm(), organizations: await getPersonFormChoices(database().db) };
};

export const actions: Actions = {
	save: async (event) => {
		return saveRecordForm(event.request, {
			read: readPersonForm,
			schema: PersonCreateInput,
			save: async (input) => `/people/${(await createPerson(database().db, actorOf(event), input)).id}`
		});
	}
};
