import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { emptyEventForm } from '$lib/server/events/event-form.view';
import { getEventFormOptions } from '$lib/server/events/event-read.service';
import { scheduleEvent } from '$lib/server/events/event.service';
import { saveEventForm } from '../event-form.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	return { values: emptyEventForm(), options: await getEventFormOptions(database().db) };
};

export const actions: Actions = {
	save: async (event) => {
		return saveEventForm(event.request, (input, options) =>
			scheduleEvent(database().db, actorOf(event), input, options)
		);
	}
};
