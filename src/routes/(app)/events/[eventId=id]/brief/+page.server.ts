import { error } from '@sveltejs/kit';
import { findEventBrief } from '$lib/server/briefs/brief.service';
import { database } from '$lib/server/db';
import type { PageServerLoad } from './$types';

/** Every signed-in reader may read and print the brief. */
export const load: PageServerLoad = async ({ params }) => {
	const brief = await findEventBrief(database().db, Number(params.eventId));
	if (!brief) error(404, 'There is no such event.');
	return { brief };
};
