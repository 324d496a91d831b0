import type { SharedWords } from '$lib/server/i18n/shared.words';
import type { Words } from '$lib/server/i18n/words';
import type { positionFieldMessages } from '$lib/server/people/person-position.words';

/** The words a post's fields need: sent by the page's load, in the reader's language. */
export type PositionFieldWords = Words<typeof positionFieldMessages>;

/**
 * The fields of a post as people read them: their labels on the form and in the notice of a stale save,
 * from the words the page's load sent. The language versions' words come with the (app) layout's data
 * (shared.words.ts), as every form's do.
 */
export function positionLabels(shared: SharedWords, words: PositionFieldWords) {
	return {
		position: words.positions_label_position,
		positionLocale: shared.content_original_locale,
		positionAz: shared.content_version_az,
		positionEn: shared.content_version_en,
		positionRu: shared.content_version_ru,
		organizationId: words.positions_label_organization,
		rank: words.positions_label_rank,
		fromOn: words.positions_label_from,
		toOn: words.positions_label_to,
		notes: words.positions_label_notes
	};
}
