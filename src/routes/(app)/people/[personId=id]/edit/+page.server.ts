import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/access';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { RuleViolation } from '$lib/server/errors';
import { formVersion } from '$lib/server/events/event.input';
import { getPersonForm, revisePerson } from '$lib/server/people/person.service';
import { savePersonForm } from '../../person-form.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	requireRole(locals.user, 'officer');
	const personId = Number(params.personId);
	const form = await getPersonForm(database().db, personId);
	if (!form) error(404, 'There is no such person.');
	return { ...form, personId };
};

export const actions: Actions = {
	save: async (event) => {
		requireRole(event.locals.user, 'officer');
		const personId = Number(event.params.personId);
		return savePersonForm(event.request, async (input, values) => {
			const version = formVersion(values.version);
			if (version === null) {
				throw new RuleViolation(
					'This form does not say which version of the person it was filled from: open it again.'
				);
			}
			await revisePerson(database().db, actorOf(event), personId, version, input);
			return personId;
		});
	}
};
