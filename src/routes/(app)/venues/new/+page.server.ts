import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { emptyVenueForm, readVenueForm, timeZoneNames, VenueInput } from '$lib/server/venues/venue.input';
import { createVenue } from '$lib/server/venues/venue.service';
import { saveRecordForm } from '../../record-form.server';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { defineWords } from '$lib/server/i18n/words';
import { recordFormWords } from '$lib/server/i18n/record-form.words';
import { venueFormWords } from '../words.server';

const pageWords = defineWords({
	venues_new_submit: m.venues_new_submit,
	venues_new_title: m.venues_new_title
});

export const load: PageServerLoad = async () => {
	return {
		values: emptyVenueForm(),
		timeZones: timeZoneNames(),
		words: { ...recordFormWords(), ...venueFormWords(), ...pageWords() }
	};
};

export const actions: Actions = {
	save: async (event) => {
		return saveRecordForm(event.request, {
			read: readVenueForm,
			schema: VenueInput,
			save: async (input) => {
				await createVenue(database().db, actorOf(event), input);
				return '/venues';
			}
		});
	}
};
