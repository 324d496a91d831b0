import { m } from '$lib/paraglide/messages';
import { defineWords } from '$lib/server/i18n/words';

/** The words of the venue form (VenueForm.svelte), for the new and edit pages to send. */
export const venueFormWords = defineWords({
	venues_field_address: m.venues_field_address,
	venues_field_city: m.venues_field_city,
	venues_field_country: m.venues_field_country,
	venues_field_country_code: m.venues_field_country_code,
	venues_field_name: m.venues_field_name,
	venues_field_notes: m.venues_field_notes,
	venues_field_time_zone: m.venues_field_time_zone,
	venues_form_choose: m.venues_form_choose,
	venues_form_country_hint: m.venues_form_country_hint,
	venues_form_notes_hint: m.venues_form_notes_hint,
	venues_form_time_zone_hint: m.venues_form_time_zone_hint,
	venues_list_title: m.venues_list_title
});

export type VenueFormWords = ReturnType<typeof venueFormWords>;
