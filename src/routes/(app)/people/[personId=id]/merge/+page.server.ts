import { error, redirect } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { m } from '$lib/paraglide/messages';
import { database } from '$lib/server/db';
import { attempt, invalidInput } from '$lib/server/http/form-failure';
import { MERGE_FIELDS, parsePersonMergeQuery, PersonMergeInput } from '$lib/server/people/person-merge.input';
import { findPersonMergePage, mergePeople } from '$lib/server/people/person-merge.service';
import { formFields } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const page = await findPersonMergePage(
		database().db,
		Number(params.personId),
		parsePersonMergeQuery(url.searchParams)
	);
	if (!page) error(404, m.people_not_found());
	return { page };
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
