/**
 * The words of the gift form (src/routes/(app)/gifts/GiftForm.svelte), for its new and edit pages to send
 * with their data, so that the form's script carries none of them in three languages.
 */
import { m } from '../../paraglide/messages.js';
import { giftDirections, giftDispositions } from '../../vocabulary';
import { defineWords } from '../i18n/words';

export const giftFormWords = defineWords({
	giftDirections,
	giftDispositions,
	gifts_field_currency: m.gifts_field_currency,
	gifts_field_date: m.gifts_field_date,
	gifts_field_description: m.gifts_field_description,
	gifts_field_direction: m.gifts_field_direction,
	gifts_field_disposition: m.gifts_field_disposition,
	gifts_field_disposition_note: m.gifts_field_disposition_note,
	gifts_field_disposition_on: m.gifts_field_disposition_on,
	gifts_field_event: m.gifts_field_event,
	gifts_field_giver_organization: m.gifts_field_giver_organization,
	gifts_field_giver_person: m.gifts_field_giver_person,
	gifts_field_notes: m.gifts_field_notes,
	gifts_field_recipient_organization: m.gifts_field_recipient_organization,
	gifts_field_recipient_person: m.gifts_field_recipient_person,
	gifts_field_value: m.gifts_field_value,
	gifts_form_currency_hint: m.gifts_form_currency_hint,
	gifts_form_given_at: m.gifts_form_given_at,
	gifts_form_giver_hint: m.gifts_form_giver_hint,
	gifts_form_no_organization: m.gifts_form_no_organization,
	gifts_form_nobody: m.gifts_form_nobody,
	gifts_form_recipient_hint: m.gifts_form_recipient_hint,
	gifts_form_register: m.gifts_form_register,
	gifts_form_save: m.gifts_form_save,
	gifts_form_value_hint: m.gifts_form_value_hint
});

export type GiftFormWords = ReturnType<typeof giftFormWords>;
