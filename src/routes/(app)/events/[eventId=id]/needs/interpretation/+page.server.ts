import { error } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { getInterpretationSchedule } from '$lib/server/guest-needs/guest-needs.service';
import { m } from '$lib/paraglide/messages';
import { timedItem } from '$lib/server/events/event.view';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const schedule = await getInterpretationSchedule(
		database().db,
		actorOf(event),
		Number(event.params.eventId)
	);
	if (!schedule) error(404, m.events_page_not_found());
	// The items' times written here, in the programme's zone, so that the page formats no dates.
	const { programme } = schedule;
	const items = programme.items.map((item) => timedItem(item, programme.timeZone));
	return { schedule: { ...schedule, programme: { ...programme, items } } };
};
