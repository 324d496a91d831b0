import { error } from '@sveltejs/kit';
import { findEventBrief } from '$lib/server/briefs/brief.service';
import { database } from '$lib/server/db';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

/** Every signed-in reader may read and print the brief. */
export const load: PageServerLoad = async ({ params }) => {
	const brief = await findEventBrief(database().db, Number(params.eventId));
	if (!brief) error(404, m.events_page_not_found());
	return { brief };
};
