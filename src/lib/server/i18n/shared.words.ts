/**
 * The words of shared components that many pages show (a record's language versions on its form, the
 * finder that links records, a table of documents), sent by the (app) layout with every page, in the
 * page's language, so that no page's script carries them in three languages and no caller passes them:
 * each component reads them from `page.data.sharedWords`. Kept short, as every signed-in page carries them
 * in its HTML. A stored text's fallback note is apart (`textWords`), as pages outside (app) show it too.
 */
import { m } from '../../paraglide/messages.js';
import { defineWords } from './words';

export const sharedWords = defineWords({
	// ContentVersionsFields.svelte
	content_version_az: m.content_version_az,
	content_version_en: m.content_version_en,
	content_version_ru: m.content_version_ru,
	content_versions_hint: m.content_versions_hint,
	content_original_locale: m.content_original_locale,
	content_original_locale_unsaid: m.content_original_locale_unsaid,
	// LinkFinder.svelte
	records_link_button: m.records_link_button,
	records_link_find: m.records_link_find,
	records_link_nothing: m.records_link_nothing,
	records_link_linked: m.records_link_linked,
	// CorrespondenceTable.svelte
	records_column_reference: m.records_column_reference,
	records_column_date: m.records_column_date,
	records_column_document: m.records_column_document,
	records_column_from_to: m.records_column_from_to,
	records_draft: m.records_draft,
	records_letters_more: m.records_letters_more
});

export type SharedWords = ReturnType<typeof sharedWords>;

/**
 * What LocalizedText.svelte says of a text shown as written, sent by every layout whose pages show stored
 * texts: (app), the public event pages (site) and the personal pages (link).
 */
export const textWords = defineWords({ content_fallback_note: m.content_fallback_note });

export type TextWords = ReturnType<typeof textWords>;
