import { error } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { getInterpretationSchedule } from '$lib/server/guest-needs/guest-needs.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const schedule = await getInterpretationSchedule(
		database().db,
		actorOf(event),
		Number(event.params.eventId)
	);
	if (!schedule) error(404, 'There is no such event.');
	return { schedule };
};
