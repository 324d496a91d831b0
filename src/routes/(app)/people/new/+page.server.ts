import { fail, redirect, type ActionFailure } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { attempt, formFailure, invalidInput, type FormFailure } from '$lib/server/http/form-failure';
import {
	emptyPersonForm,
	PersonCreateInput,
	readPersonForm,
	readSomeoneElse,
	type PersonFormValues
} from '$lib/server/people/person.input';
import { createPerson, getPersonFormChoices } from '$lib/server/people/person.service';
import type { PersonMatchView } from '$lib/server/people/person.view';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	return { values: emptyPersonForm(), organizations: await getPersonFormChoices(database().db) };
};

/** The one failure shape, with the people in the directory the one typed may be. */
type NewPersonFailure = FormFailure<PersonFormValues> & { matches?: PersonMatchView[] };

export const actions: Actions = {
	/** Adds the person, unless they may be in the directory already: then the likely matches come first. */
	save: async (event): Promise<ActionFailure<NewPersonFailure>> => {
		const data = await event.request.formData();
		const values = readPersonForm(data);
		const parsed = PersonCreateInput.safeParse(values);
		if (!parsed.success) return invalidInput(parsed.error, { values });
		return attempt({ values }, async () => {
			const result = await createPerson(database().db, actorOf(event), parsed.data, {
				someoneElse: readSomeoneElse(data)
			});
			if (result.status === 'likely-duplicates') {
				return fail(409, { ...formFailure({ values }), matches: result.matches });
			}
			redirect(303, `/people/${result.person.id}`);
		});
	}
};
