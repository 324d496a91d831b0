/**
 * The words of a document's form (src/routes/(app)/correspondence/CorrespondenceForm.svelte), for its new
 * and edit pages to send with their data, so that the form's script carries none of them in three languages.
 */
import { m } from '../../paraglide/messages.js';
import { correspondenceDirections, correspondenceEventLinks, correspondenceKinds } from '../../vocabulary';
import { defineWords } from '../i18n/words';

export const correspondenceFormWords = defineWords({
	correspondenceDirections,
	correspondenceEventLinks,
	correspondenceKinds,
	correspondence_field_addressed_to: m.correspondence_field_addressed_to,
	correspondence_field_body: m.correspondence_field_body,
	correspondence_field_dated: m.correspondence_field_dated,
	correspondence_field_direction: m.correspondence_field_direction,
	correspondence_field_events: m.correspondence_field_events,
	correspondence_field_from: m.correspondence_field_from,
	correspondence_field_in_reply_to: m.correspondence_field_in_reply_to,
	correspondence_field_kind: m.correspondence_field_kind,
	correspondence_field_place: m.correspondence_field_place,
	correspondence_field_reference: m.correspondence_field_reference,
	correspondence_field_reply_expected: m.correspondence_field_reply_expected,
	correspondence_field_signed_by: m.correspondence_field_signed_by,
	correspondence_field_subject: m.correspondence_field_subject,
	correspondence_field_summary: m.correspondence_field_summary,
	correspondence_field_to: m.correspondence_field_to,
	correspondence_field_transmits: m.correspondence_field_transmits,
	correspondence_form_body_hint: m.correspondence_form_body_hint,
	correspondence_form_choose: m.correspondence_form_choose,
	correspondence_form_draft_note: m.correspondence_form_draft_note,
	correspondence_form_event_label: m.correspondence_form_event_label,
	correspondence_form_no: m.correspondence_form_no,
	correspondence_form_not_a_reply: m.correspondence_form_not_a_reply,
	correspondence_form_not_linked: m.correspondence_form_not_linked,
	correspondence_form_not_recorded: m.correspondence_form_not_recorded,
	correspondence_form_nothing_recorded: m.correspondence_form_nothing_recorded,
	correspondence_form_open_duplicate: m.correspondence_form_open_duplicate,
	correspondence_form_reference_hint: m.correspondence_form_reference_hint,
	correspondence_form_reply_label: m.correspondence_form_reply_label,
	correspondence_form_thread_hint: m.correspondence_form_thread_hint,
	correspondence_form_yes: m.correspondence_form_yes
});

export type CorrespondenceFormWords = ReturnType<typeof correspondenceFormWords>;
