import { error } from '@sveltejs/kit';
import { hasRole } from '$lib/server/auth/access';
import { database } from '$lib/server/db';
import { getPersonPage } from '$lib/server/people/person.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const person = await getPersonPage(database().db, Number(params.personId), {
		privateContacts: hasRole(locals.user, 'officer')
	});
	if (!person) error(404, 'No such person');
	return { person };
};
