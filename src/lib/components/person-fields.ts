/**
 * The fields of a person as people read them: their labels on the form and in the notice of a stale save,
 * each read in the reader's language when it is shown.
 */
import { m } from '$lib/paraglide/messages';

export const PERSON_LABELS = {
	get honorific() {
		return m.person_field_honorific();
	},
	get givenName() {
		return m.person_field_given_name();
	},
	get familyName() {
		return m.person_field_family_name();
	},
	get nativeName() {
		return m.person_field_native_name();
	},
	get position() {
		return m.person_field_position();
	},
	get rank() {
		return m.person_field_rank();
	},
	get precedenceLevel() {
		return m.person_field_precedence_level();
	},
	get headsOrganization() {
		return m.person_field_heads_organization();
	},
	get organizationId() {
		return m.person_field_organization();
	},
	get email() {
		return m.person_field_email();
	},
	get phone() {
		return m.person_field_phone();
	},
	get contactPublic() {
		return m.person_field_contact_public();
	},
	get preferredLocale() {
		return m.person_field_preferred_locale();
	},
	get notes() {
		return m.person_field_notes();
	}
};
