import { error, redirect } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { m } from '$lib/paraglide/messages';
import { database } from '$lib/server/db';
import { attempt, invalidInput } from '$lib/server/http/form-failure';
import { MERGE_FIELDS, parsePersonMergeQuery, PersonMergeInput } from '$lib/server/people/person-merge.input';
import { findPersonMergePage, mergePeople } from '$lib/server/people/person-merge.service';
import { formFields } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';
import { defineWords } from '$lib/server/i18n/words';

/** The page's words, for its load to send. */
const pageWords = defineWords({
	people_list_title: m.people_list_title,
	people_merge_another: m.people_merge_another,
	people_merge_chosen: m.people_merge_chosen,
	people_merge_confirm_heading: m.people_merge_confirm_heading,
	people_merge_find: m.people_merge_find,
	people_merge_find_hint: m.people_merge_find_hint,
	people_merge_find_label: m.people_merge_find_label,
	people_merge_heading: m.people_merge_heading,
	people_merge_intro: m.people_merge_intro,
	people_merge_keep_instead: m.people_merge_keep_instead,
	people_merge_keep_this: m.people_merge_keep_this,
	people_merge_keep_this_label: m.people_merge_keep_this_label,
	people_merge_kept: m.people_merge_kept,
	people_merge_nobody: m.people_merge_nobody,
	people_merge_removed: m.people_merge_removed,
	people_merge_side_nothing: m.people_merge_side_nothing,
	people_merge_submit: m.people_merge_submit,
	people_merge_title: m.people_merge_title,
	people_merge_to_keep: m.people_merge_to_keep
});

export const load: PageServerLoad = async ({ params, url }) => {
	const page = await findPersonMergePage(
		database().db,
		Number(params.personId),
		parsePersonMergeQuery(url.searchParams)
	);
	if (!page) error(404, m.people_not_found());
	return { page, words: pageWords() };
};

export const actions: Actions = {
	/** Moves everything that names this person to the one kept, and removes this record. */
	merge: async (event) => {
		const fields = formFields(await event.request.formData(), MERGE_FIELDS);
		const context = { values: fields };
		const parsed = PersonMergeInput.safeParse(fields);
		if (!parsed.success) return invalidInput(parsed.error, context);
		return attempt(context, async () => {
			const { keptId } = await mergePeople(
				database().db,
				actorOf(event),
				Number(event.params.personId),
				parsed.data
			);
			redirect(303, `/people/${keptId}?merged=1`);
		});
	}
};
