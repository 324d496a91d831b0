import { m } from '$lib/paraglide/messages';

/**
 * The fields of a post as people read them: their labels on the form and in the notice of a stale save,
 * in the reader's language (a function, so that each page asks in its own).
 */
export function positionLabels() {
	return {
		position: m.positions_label_position(),
		positionLocale: m.content_original_locale(),
		positionAz: m.content_version_az(),
		positionEn: m.content_version_en(),
		positionRu: m.content_version_ru(),
		organizationId: m.positions_label_organization(),
		rank: m.positions_label_rank(),
		fromOn: m.positions_label_from(),
		toOn: m.positions_label_to(),
		notes: m.positions_label_notes()
	};
}
