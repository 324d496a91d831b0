import { error } from '@sveltejs/kit';
import { findProgramme } from '$lib/server/agenda/agenda.service';
import { database } from '$lib/server/db';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const programme = await findProgramme(database().db, Number(params.eventId));
	if (!programme) error(404, 'There is no such event.');
	return { programme };
};
