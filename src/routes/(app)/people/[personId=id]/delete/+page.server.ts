import { error, redirect } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { m } from '$lib/paraglide/messages';
import { database } from '$lib/server/db';
import { attempt, invalidInput } from '$lib/server/http/form-failure';
import { DELETE_FIELDS, PersonDeleteInput } from '$lib/server/people/person-merge.input';
import { deletePerson, findPersonDeletion } from '$lib/server/people/person-merge.service';
import { formFields } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const person = await findPersonDeletion(database().db, Number(params.personId));
	if (!person) error(404, m.people_not_found());
	return { person };
};

export const actions: Actions = {
	/** Only someone nothing names; otherwise the refusal says what does, and the page offers a merge. */
	delete: async (event) => {
		const fields = formFields(await event.request.formData(), DELETE_FIELDS);
		const context = { values: { confirm: fields.confirm ?? '' } };
		const parsed = PersonDeleteInput.safeParse(fields);
		if (!parsed.success) return invalidInput(parsed.error, context);
		return attempt(context, async () => {
			await deletePerson(database().db, actorOf(event), Number(event.params.personId), parsed.data.version);
			redirect(303, '/people?done=deleted');
		});
	}
};
