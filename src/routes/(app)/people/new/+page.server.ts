import { requireRole } from '$lib/server/auth/access';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { emptyPersonForm } from '$lib/server/people/person.input';
import { createPerson, getPersonFormChoices } from '$lib/server/people/person.service';
import { savePersonForm } from '../person-form.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	requireRole(locals.user, 'officer');
	return { values: emptyPersonForm(), organizations: await getPersonFormChoices(database().db) };
};

export const actions: Actions = {
	save: async (event) => {
		requireRole(event.locals.user, 'officer');
		return savePersonForm(event.request, async (input) => {
			const person = await createPerson(database().db, actorOf(event), input);
			return person.id;
		});
	}
};
