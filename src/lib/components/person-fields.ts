/**
 * The fields of a person as people read them: their labels on the form and in the notice of a stale save,
 * from the words the page's load sent (personFieldWords), in the reader's language.
 */
import type { PersonFieldWords } from '$lib/server/people/person-fields.words';

export function personLabels(words: PersonFieldWords) {
	return {
		honorific: words.person_field_honorific,
		givenName: words.person_field_given_name,
		familyName: words.person_field_family_name,
		nativeName: words.person_field_native_name,
		position: words.person_field_position,
		rank: words.person_field_rank,
		precedenceLevel: words.person_field_precedence_level,
		headsOrganization: words.person_field_heads_organization,
		organizationId: words.person_field_organization,
		email: words.person_field_email,
		phone: words.person_field_phone,
		contactPublic: words.person_field_contact_public,
		preferredLocale: words.person_field_preferred_locale,
		notes: words.person_field_notes
	};
}
