import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { database } from '$lib/server/db';
import { findItinerary } from '$lib/server/visits/visit.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const itinerary = await findItinerary(database().db, Number(params.visitId), Number(params.personId));
	if (!itinerary) error(404, m.visits_member_not_found());
	return itinerary;
};
