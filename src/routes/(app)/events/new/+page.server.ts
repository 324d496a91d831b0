import { m } from '$lib/paraglide/messages';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { emptyEventForm } from '$lib/server/events/event-form.view';
import { getEventFormOptions } from '$lib/server/events/event-read.service';
import { scheduleEvent } from '$lib/server/events/event.service';
import { saveEventForm } from '../event-form.server';
import type { Actions, PageServerLoad } from './$types';
import { eventClashWords, eventFormWords } from '$lib/server/events/event-form.words';
import { defineWords } from '$lib/server/i18n/words';

/** The page's own words, for its load to send. */
const pageWords = defineWords({
	events_create: m.events_create,
	events_new_eyebrow: m.events_new_eyebrow,
	events_new_page_title: m.events_new_page_title
});

export const load: PageServerLoad = async () => {
	return {
		values: emptyEventForm(),
		options: await getEventFormOptions(database().db),
		words: { ...eventFormWords(), ...eventClashWords(), ...pageWords() }
	};
};

export const actions: Actions = {
	save: async (event) => {
		return saveEventForm(event.request, (input, options) =>
			scheduleEvent(database().db, actorOf(event), input, options)
		);
	}
};
