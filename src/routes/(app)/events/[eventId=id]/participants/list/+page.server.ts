import { error } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { findParticipantPrint } from '$lib/server/participants/participant-read.service';
import type { PageServerLoad } from './$types';

/** Every signed-in reader may print the list. */
export const load: PageServerLoad = async ({ params }) => {
	const print = await findParticipantPrint(database().db, Number(params.eventId));
	if (!print) error(404, 'There is no such event.');
	return { print };
};
