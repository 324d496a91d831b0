/**
 * The words of a person's fields (src/lib/components/PersonFields.svelte), for the pages that show them to
 * send: the participants page, which adds someone while inviting them, and (with the rest of the person's
 * form, src/routes/(app)/people/PersonForm.svelte) the person's new and edit pages.
 */
import { m } from '../../paraglide/messages.js';
import { defineWords } from '../i18n/words';

const personFieldMessages = {
	person_field_honorific: m.person_field_honorific,
	person_field_given_name: m.person_field_given_name,
	person_field_family_name: m.person_field_family_name,
	person_field_native_name: m.person_field_native_name,
	person_field_position: m.person_field_position,
	person_field_rank: m.person_field_rank,
	person_field_precedence_level: m.person_field_precedence_level,
	person_field_heads_organization: m.person_field_heads_organization,
	person_field_organization: m.person_field_organization,
	person_field_email: m.person_field_email,
	person_field_phone: m.person_field_phone,
	person_field_contact_public: m.person_field_contact_public,
	person_field_preferred_locale: m.person_field_preferred_locale,
	person_field_notes: m.person_field_notes,
	person_honorific_hint: m.person_honorific_hint,
	person_native_name_hint: m.person_native_name_hint,
	person_position_hint: m.person_position_hint,
	person_precedence_level_hint: m.person_precedence_level_hint,
	person_organization_none: m.person_organization_none,
	person_contact_public_label: m.person_contact_public_label,
	person_preferred_locale_default: m.person_preferred_locale_default,
	person_preferred_locale_hint: m.person_preferred_locale_hint
};

export const personFieldWords = defineWords(personFieldMessages);
export type PersonFieldWords = ReturnType<typeof personFieldWords>;

export const personFormWords = defineWords({
	...personFieldMessages,
	positions_versions_legend: m.positions_versions_legend
});
export type PersonFormWords = ReturnType<typeof personFormWords>;
