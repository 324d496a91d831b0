import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { findSeatingPlan } from '$lib/server/seating/seating.service';
import type { PageServerLoad } from './$types';

/** Every signed-in reader may print it; printouts travel, so guests' needs stay off them. */
export const load: PageServerLoad = async (event) => {
	const seating = await findSeatingPlan(database().db, actorOf(event), Number(event.params.eventId), {
		needs: false
	});
	if (!seating) error(404, m.seating_error_no_such_event());
	return { seating };
};
