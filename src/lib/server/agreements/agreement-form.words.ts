/**
 * The words of the agreement form (src/routes/(app)/agreements/AgreementForm.svelte), for its new and edit
 * pages to send with their data, so that the form's script carries none of them in three languages.
 */
import { m } from '../../paraglide/messages.js';
import { defineWords } from '../i18n/words';

export const agreementFormWords = defineWords({
	agreements_field_approval_act: m.agreements_field_approval_act,
	agreements_field_approved_on: m.agreements_field_approved_on,
	agreements_field_in_force_on: m.agreements_field_in_force_on,
	agreements_field_in_force_until: m.agreements_field_in_force_until,
	agreements_field_parties: m.agreements_field_parties,
	agreements_field_signed_event: m.agreements_field_signed_event,
	agreements_field_signed_on: m.agreements_field_signed_on,
	agreements_field_signed_place: m.agreements_field_signed_place,
	agreements_field_signed_undated: m.agreements_field_signed_undated,
	agreements_field_summary: m.agreements_field_summary,
	agreements_field_terminated_on: m.agreements_field_terminated_on,
	agreements_field_title: m.agreements_field_title,
	agreements_form_act_hint: m.agreements_form_act_hint,
	agreements_form_approved_hint: m.agreements_form_approved_hint,
	agreements_form_create: m.agreements_form_create,
	agreements_form_no_event: m.agreements_form_no_event,
	agreements_form_parties_hint: m.agreements_form_parties_hint,
	agreements_form_save: m.agreements_form_save,
	agreements_form_title_hint: m.agreements_form_title_hint,
	agreements_form_until_hint: m.agreements_form_until_hint,
	agreements_form_yes: m.agreements_form_yes
});

export type AgreementFormWords = ReturnType<typeof agreementFormWords>;
