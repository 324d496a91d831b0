/**
 * The words of the visit form (src/routes/(app)/visits/VisitForm.svelte), for its new and edit pages to
 * send with their data, so that the form's script carries none of them in three languages.
 */
import { m } from '../../paraglide/messages.js';
import { timingCertainties, visitKinds } from '../../vocabulary';
import { defineWords } from '../i18n/words';

export const visitFormWords = defineWords({
	visitKinds,
	timingCertainties,
	visits_field_dates_certain: m.visits_field_dates_certain,
	visits_field_first_day: m.visits_field_first_day,
	visits_field_host: m.visits_field_host,
	visits_field_kind_of_visit: m.visits_field_kind_of_visit,
	visits_field_last_day: m.visits_field_last_day,
	visits_field_members: m.visits_field_members,
	visits_field_notes: m.visits_field_notes,
	visits_field_organization: m.visits_field_organization,
	visits_field_time_zone: m.visits_field_time_zone,
	visits_field_title: m.visits_field_title,
	visits_form_members_hint: m.visits_form_members_hint,
	visits_form_no_organization: m.visits_form_no_organization,
	visits_form_plan: m.visits_form_plan,
	visits_form_save: m.visits_form_save,
	visits_form_zone_hint: m.visits_form_zone_hint
});

export type VisitFormWords = ReturnType<typeof visitFormWords>;
