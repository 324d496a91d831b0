import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { emptyVenueForm, readVenueForm, timeZoneNames, VenueInput } from '$lib/server/venues/venue.input';
import { createVenue } from '$lib/server/venues/venue.service';
import { saveRecordForm } from '../../record-form.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	return { values: emptyVenueForm(), timeZones: timeZoneNames() };
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
