import { error } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { getPersonPage } from '$lib/server/people/person.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const person = await getPersonPage(database().db, Number(params.personId));
	if (!person) error(404, 'No such person');
	return { person };
};
