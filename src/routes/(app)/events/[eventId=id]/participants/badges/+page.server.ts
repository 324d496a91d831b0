import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { database } from '$lib/server/db';
import { findParticipantPrint } from '$lib/server/participants/participant-read.service';
import type { PageServerLoad } from './$types';

/** Every signed-in reader may print the badges. */
export const load: PageServerLoad = async ({ params }) => {
	const print = await findParticipantPrint(database().db, Number(params.eventId));
	if (!print) error(404, m.participants_error_no_such_event());
	return { print };
};
