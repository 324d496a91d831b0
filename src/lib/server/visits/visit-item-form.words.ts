/**
 * The words of a programme item's form (src/routes/(app)/visits/ItemForm.svelte), for its new and edit
 * pages to send with their data, so that the form's script carries none of them in three languages.
 */
import { m } from '../../paraglide/messages.js';
import { timingCertainties, visitItemKinds } from '../../vocabulary';
import { defineWords } from '../i18n/words';

export const visitItemFormWords = defineWords({
	visitItemKinds,
	timingCertainties,
	visits_field_airport: m.visits_field_airport,
	visits_field_driver: m.visits_field_driver,
	visits_field_end: m.visits_field_end,
	visits_field_flight: m.visits_field_flight,
	visits_field_for_everyone: m.visits_field_for_everyone,
	visits_field_from: m.visits_field_from,
	visits_field_greeted_by: m.visits_field_greeted_by,
	visits_field_kind: m.visits_field_kind,
	visits_field_meeting: m.visits_field_meeting,
	visits_field_notes: m.visits_field_notes,
	visits_field_only_for: m.visits_field_only_for,
	visits_field_place: m.visits_field_place,
	visits_field_seen_off_by: m.visits_field_seen_off_by,
	visits_field_start: m.visits_field_start,
	visits_field_time_certain: m.visits_field_time_certain,
	visits_field_time_zone: m.visits_field_time_zone,
	visits_field_title: m.visits_field_title,
	visits_field_to: m.visits_field_to,
	visits_field_vehicle: m.visits_field_vehicle,
	visits_form_save: m.visits_form_save,
	visits_item_choose_event: m.visits_item_choose_event,
	visits_item_end_hint: m.visits_item_end_hint,
	visits_item_event_hint: m.visits_item_event_hint,
	visits_item_event_n: m.visits_item_event_n,
	visits_item_kind_hint: m.visits_item_kind_hint,
	visits_item_members_hint: m.visits_item_members_hint,
	visits_item_notes_hint: m.visits_item_notes_hint,
	visits_page_add_to_programme: m.visits_page_add_to_programme
});

export type VisitItemFormWords = ReturnType<typeof visitItemFormWords>;
