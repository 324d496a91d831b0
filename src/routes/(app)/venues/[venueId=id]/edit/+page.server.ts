import { m } from '$lib/paraglide/messages';
import { error } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { readVenueForm, VenueInput } from '$lib/server/venues/venue.input';
import { findVenueForm, reviseVenue } from '$lib/server/venues/venue.service';
import { saveRecordForm, versionOf } from '../../../record-form.server';
import type { Actions, PageServerLoad } from './$types';
import { defineWords } from '$lib/server/i18n/words';
import { recordFormWords } from '$lib/server/i18n/record-form.words';
import { venueFormWords } from '../../words.server';

const pageWords = defineWords({
	venues_edit_submit: m.venues_edit_submit,
	venues_edit_title: m.venues_edit_title
});

export const load: PageServerLoad = async ({ params }) => {
	const form = await findVenueForm(database().db, Number(params.venueId));
	if (!form) error(404, m.venues_not_found());
	return { ...form, words: { ...recordFormWords(), ...venueFormWords(), ...pageWords() } };
};

export const actions: Actions = {
	save: async (event) => {
		const venueId = Number(event.params.venueId);
		return saveRecordForm(event.request, {
			read: readVenueForm,
			schema: VenueInput,
			save: async (input, values) => {
				await reviseVenue(database().db, actorOf(event), venueId, versionOf(values, 'venue'), input);
				return '/venues';
			}
		});
	}
};
