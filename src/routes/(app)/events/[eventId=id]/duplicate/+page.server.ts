import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { findDuplicateForm, getEventFormOptions } from '$lib/server/events/event-read.service';
import { duplicateEvent } from '$lib/server/events/event.service';
import { saveEventForm } from '../../event-form.server';
import type { Actions, PageServerLoad } from './$types';
import { eventClashWords, eventFormWords } from '$lib/server/events/event-form.words';
import { defineWords } from '$lib/server/i18n/words';

/** The page's own words, for its load to send. */
const pageWords = defineWords({
	events_back_to: m.events_back_to,
	events_duplicate_copied: m.events_duplicate_copied,
	events_duplicate_heading: m.events_duplicate_heading,
	events_duplicate_intro: m.events_duplicate_intro,
	events_duplicate_page_title: m.events_duplicate_page_title,
	events_duplicate_submit: m.events_duplicate_submit,
	events_new_eyebrow: m.events_new_eyebrow
});

export const load: PageServerLoad = async ({ params }) => {
	const db = database().db;
	const form = await findDuplicateForm(db, Number(params.eventId));
	if (!form) error(404, m.events_page_not_found());
	return {
		source: form.source,
		values: form.values,
		options: await getEventFormOptions(db, form.values),
		words: { ...eventFormWords(), ...eventClashWords(), ...pageWords() }
	};
};

export const actions: Actions = {
	save: async (event) => {
		const sourceId = Number(event.params.eventId);
		return saveEventForm(event.request, (input, options) =>
			duplicateEvent(database().db, actorOf(event), sourceId, input, options)
		);
	}
};
