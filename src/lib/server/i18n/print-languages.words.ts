/**
 * The words of the form that chooses a printed sheet's languages (src/lib/components/PrintLanguagesForm.svelte),
 * for the pages that show it to send with their data.
 */
import { m } from '../../paraglide/messages.js';
import { defineWords } from './words';

export const printLanguagesWords = defineWords({
	content_version_az: m.content_version_az,
	content_version_en: m.content_version_en,
	content_version_ru: m.content_version_ru,
	programme_language_first: m.programme_language_first,
	programme_language_none: m.programme_language_none,
	programme_language_second: m.programme_language_second,
	programme_language_show: m.programme_language_show,
	programme_languages_legend: m.programme_languages_legend
});

export type PrintLanguagesWords = ReturnType<typeof printLanguagesWords>;
