import { requireRole } from '$lib/server/auth/access';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { emptyEventForm } from '$lib/server/events/event-form.view';
import { getEventFormOptions } from '$lib/server/events/event-read.service';
import { scheduleEvent } from '$lib/server/events/event.service';
import { saveEventForm } from '../event-form.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	requireRole(locals.user, 'officer');
	return { values: emptyEventForm(), options: await getEventFormOptions(database().db) };
};

export const actions: Actions = {
	save: async (event) => {
		requireRole(event.locals.user, 'officer');
		return saveEventForm(event.request, (input, options) =>
			scheduleEvent(database().db, actorOf(event), input, options)
		);
	}
};
