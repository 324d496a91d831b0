import { error } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { getEventNeeds } from '$lib/server/guest-needs/guest-needs.service';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const needs = await getEventNeeds(database().db, actorOf(event), Number(event.params.eventId));
	if (!needs) error(404, m.events_page_not_found());
	return { needs };
};
