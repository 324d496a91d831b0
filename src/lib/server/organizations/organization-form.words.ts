/**
 * The words of the organisation form (src/routes/(app)/organizations/OrganizationForm.svelte), for its new
 * and edit pages to send with their data, so that the form's script carries none of them in three
 * languages. Its language versions' words come with the (app) layout's (shared.words.ts).
 */
import { m } from '../../paraglide/messages.js';
import { organizationKinds } from '../../vocabulary';
import { defineWords } from '../i18n/words';

export const organizationFormWords = defineWords({
	organizationKinds,
	content_name_versions: m.content_name_versions,
	organizations_field_acronym: m.organizations_field_acronym,
	organizations_field_city: m.organizations_field_city,
	organizations_field_country: m.organizations_field_country,
	organizations_field_country_code: m.organizations_field_country_code,
	organizations_field_kind: m.organizations_field_kind,
	organizations_field_name: m.organizations_field_name,
	organizations_field_notes: m.organizations_field_notes,
	organizations_field_parent: m.organizations_field_parent,
	organizations_field_website: m.organizations_field_website,
	organizations_form_choose: m.organizations_form_choose,
	organizations_form_country_hint: m.organizations_form_country_hint,
	organizations_form_name_hint: m.organizations_form_name_hint,
	organizations_form_no_parent: m.organizations_form_no_parent,
	organizations_form_parent_hint: m.organizations_form_parent_hint
});

export type OrganizationFormWords = ReturnType<typeof organizationFormWords>;
