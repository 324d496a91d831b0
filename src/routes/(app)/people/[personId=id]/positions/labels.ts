import { m } from '$lib/paraglide/messages';
import type { SharedWords } from '$lib/server/i18n/shared.words';

/**
 * The fields of a post as people read them: their labels on the form and in the notice of a stale save,
 * in the reader's language (a function, so that each page asks in its own). The language versions' words
 * come with the (app) layout's data (shared.words.ts), as every form's do.
 */
export function positionLabels(shared: SharedWords) {
	return {
		position: m.positions_label_position(),
		positionLocale: shared.content_original_locale,
		positionAz: shared.content_version_az,
		positionEn: shared.content_version_en,
		positionRu: shared.content_version_ru,
		organizationId: m.positions_label_organization(),
		rank: m.positions_label_rank(),
		fromOn: m.positions_label_from(),
		toOn: m.positions_label_to(),
		notes: m.positions_label_notes()
	};
}
