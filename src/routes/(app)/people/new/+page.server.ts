import { fail, redirect, type ActionFailure } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { resolveChosen } from '$lib/server/choosers/chooser.service';
import {
	attempt,
	formFailure,
	invalidInput,
	unresolvedChoices,
	withChoosers,
	type FormFailure
} from '$lib/server/http/form-failure';
import {
	emptyPersonForm,
	PersonCreateInput,
	readPersonForm,
	readSomeoneElse,
	type PersonFormValues
} from '$lib/server/people/person.input';
import { createPerson, getPersonFormChoices, PERSON_CHOOSERS } from '$lib/server/people/person.service';
import type { PersonMatchView } from '$lib/server/people/person.view';
import type { Actions, PageServerLoad } from './$types';
import { recordFormWords } from '$lib/server/i18n/record-form.words';
import { defineWords } from '$lib/server/i18n/words';
import { personFormWords } from '$lib/server/people/person-fields.words';
import { m } from '$lib/paraglide/messages';
import { likelyMatches } from './answers';

/** The page's words, for its load to send. */
const pageWords = defineWords({
	people_list_title: m.people_list_title,
	people_new_intro: m.people_new_intro,
	people_new_someone_else: m.people_new_someone_else,
	people_new_submit: m.people_new_submit,
	people_new_title: m.people_new_title
});

export const load: PageServerLoad = async () => {
	// So that the server draws a refused save with its likely matches (on-demand.svelte.ts).
	await likelyMatches.load();
	return {
		words: pageWords(),
		recordWords: recordFormWords(),
		personWords: personFormWords(),
		values: emptyPersonForm(),
		named: await getPersonFormChoices(database().db)
	};
};

/** The one failure shape, with the people in the directory the one typed may be. */
type NewPersonFailure = FormFailure<PersonFormValues> & { matches?: PersonMatchView[] };

export const actions: Actions = {
	/** Adds the person, unless they may be in the directory already: then the likely matches come first. */
	save: async (event): Promise<ActionFailure<NewPersonFailure>> => {
		const data = await event.request.formData();
		const chosen = await resolveChosen(database().db, data, PERSON_CHOOSERS);
		const values = readPersonForm(data);
		const unresolved = unresolvedChoices(chosen, { values });
		if (unresolved) return unresolved;
		const parsed = PersonCreateInput.safeParse(values);
		if (!parsed.success) return withChoosers(invalidInput(parsed.error, { values }), chosen);
		const answer = await attempt({ values }, async () => {
			const result = await createPerson(database().db, actorOf(event), parsed.data, {
				someoneElse: readSomeoneElse(data)
			});
			if (result.status === 'likely-duplicates') {
				return fail(409, { ...formFailure({ values }), matches: result.matches });
			}
			redirect(303, `/people/${result.person.id}`);
		});
		return withChoosers(answer, chosen);
	}
};
