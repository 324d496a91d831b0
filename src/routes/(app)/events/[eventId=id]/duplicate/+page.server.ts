import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { findDuplicateForm, getEventFormOptions } from '$lib/server/events/event-read.service';
import { duplicateEvent } from '$lib/server/events/event.service';
import { saveEventForm } from '../../event-form.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const db = database().db;
	const form = await findDuplicateForm(db, Number(params.eventId));
	if (!form) error(404, m.events_page_not_found());
	return { source: form.source, values: form.values, options: await getEventFormOptions(db, form.values) };
};

export const actions: Actions = {
	save: async (event) => {
		const sourceId = Number(event.params.eventId);
		return saveEventForm(event.request, (input, options) =>
			duplicateEvent(database().db, actorOf(event), sourceId, input, options)
		);
	}
};
