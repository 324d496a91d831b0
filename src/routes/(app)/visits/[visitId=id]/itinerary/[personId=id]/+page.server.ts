import { error } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { findItinerary } from '$lib/server/visits/visit.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const itinerary = await findItinerary(database().db, Number(params.visitId), Number(params.personId));
	if (!itinerary) error(404, 'This visit has no such member.');
	return itinerary;
};
