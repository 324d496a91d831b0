/**
 * The words of the event form (src/lib/components/EventForm.svelte, with EventStaleNotice.svelte) and of
 * the clash warning (EventClashes.svelte), for the pages that show them to send with their data.
 */
import { m } from '../../paraglide/messages.js';
import { eventKinds, eventStatuses, timingCertainties } from '../../vocabulary';
import { defineWords } from '../i18n/words';

export const eventFormWords = defineWords({
	eventKinds,
	eventStatuses,
	timingCertainties,
	content_title_versions: m.content_title_versions,
	events_cancel: m.events_cancel,
	events_field_address: m.events_field_address,
	events_field_all_day: m.events_field_all_day,
	events_field_choose_zone: m.events_field_choose_zone,
	events_field_city: m.events_field_city,
	events_field_co_hosts: m.events_field_co_hosts,
	events_field_country_code: m.events_field_country_code,
	events_field_country_code_hint: m.events_field_country_code_hint,
	events_field_description: m.events_field_description,
	events_field_end: m.events_field_end,
	events_field_end_hint: m.events_field_end_hint,
	events_field_first_day: m.events_field_first_day,
	events_field_first_day_hint: m.events_field_first_day_hint,
	events_field_hosts: m.events_field_hosts,
	events_field_hosts_hint: m.events_field_hosts_hint,
	events_field_kind: m.events_field_kind,
	events_field_last_day: m.events_field_last_day,
	events_field_last_day_hint: m.events_field_last_day_hint,
	events_field_new_series: m.events_field_new_series,
	events_field_new_series_choice: m.events_field_new_series_choice,
	events_field_new_series_hint: m.events_field_new_series_hint,
	events_field_no_series: m.events_field_no_series,
	events_field_online_link: m.events_field_online_link,
	events_field_online_link_hint: m.events_field_online_link_hint,
	events_field_public: m.events_field_public,
	events_field_series: m.events_field_series,
	events_field_start: m.events_field_start,
	events_field_start_hint: m.events_field_start_hint,
	events_field_status: m.events_field_status,
	events_field_status_reason: m.events_field_status_reason,
	events_field_status_reason_hint: m.events_field_status_reason_hint,
	events_field_theme: m.events_field_theme,
	events_field_theme_hint: m.events_field_theme_hint,
	events_field_time_zone: m.events_field_time_zone,
	events_field_time_zone_hint: m.events_field_time_zone_hint,
	events_field_timing: m.events_field_timing,
	events_field_title: m.events_field_title,
	events_field_venue: m.events_field_venue,
	events_field_venue_hint: m.events_field_venue_hint,
	events_field_venue_name: m.events_field_venue_name,
	events_field_venue_time_zone: m.events_field_venue_time_zone,
	events_field_venue_zone: m.events_field_venue_zone,
	events_field_venue_zone_unknown: m.events_field_venue_zone_unknown,
	events_form_hosts: m.events_form_hosts,
	events_form_status: m.events_form_status,
	events_form_the_event: m.events_form_the_event,
	events_form_when: m.events_form_when,
	events_form_where: m.events_form_where,
	events_new_venue: m.events_new_venue,
	events_new_venue_hint: m.events_new_venue_hint,
	events_save_anyway: m.events_save_anyway,
	events_stale_all_day: m.events_stale_all_day,
	events_stale_caption: m.events_stale_caption,
	events_stale_certainty: m.events_stale_certainty,
	events_stale_heading: m.events_stale_heading,
	events_stale_new: m.events_stale_new,
	events_stale_no: m.events_stale_no,
	events_stale_none: m.events_stale_none,
	events_stale_nothing_saved: m.events_stale_nothing_saved,
	events_stale_public: m.events_stale_public,
	events_stale_reason: m.events_stale_reason,
	events_stale_theirs: m.events_stale_theirs,
	events_stale_theme: m.events_stale_theme,
	events_stale_yes: m.events_stale_yes,
	events_stale_yours: m.events_stale_yours,
	records_stale_field: m.records_stale_field
});

export type EventFormWords = ReturnType<typeof eventFormWords>;

export const eventClashWords = defineWords({
	events_clashes_advice: m.events_clashes_advice,
	events_clashes_booked: m.events_clashes_booked,
	events_clashes_one: m.events_clashes_one,
	events_clashes_other: m.events_clashes_other,
	events_clashes_same_venue: m.events_clashes_same_venue,
	events_clashes_this: m.events_clashes_this
});

export type EventClashWords = ReturnType<typeof eventClashWords>;
