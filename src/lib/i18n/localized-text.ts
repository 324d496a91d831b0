/**
 * Content in more than one language (issue 18 §2): which version of a stored text a reader sees.
 * Event titles, agenda item titles, organisation names and positions keep the text as first written
 * (the original, in the language `originalLocale` names) and may carry an Azerbaijani, English and
 * Russian version. The reader gets their language's version; when there is none, the original, and the
 * language it is in so that the page can mark it (`<span lang="en">…</span>` with a small "EN" tag).
 * The one place this choice is made: views call it, pages receive the text already chosen.
 */
import { getLocale, locales, type Locale } from '../paraglide/runtime.js';

export type ContentLocale = Locale;
export const contentLocales = locales;

/** A stored text and its versions, as the row holds them. */
export interface TextVersions {
	original: string;
	originalLocale: string | null;
	az: string | null;
	en: string | null;
	ru: string | null;
}

export interface LocalizedText {
	text: string;
	/** Set when the text is not in the language asked for: the language it is in (null: not known). */
	fallbackLocale: Locale | null;
}

/** The version in `locale` (the reader's by default), else the original and its language. */
export function localizedText(versions: TextVersions, locale: Locale = getLocale()): LocalizedText {
	const own = versions[locale]?.trim();
	if (own) return { text: own, fallbackLocale: null };
	const originalLocale = asLocale(versions.originalLocale);
	if (originalLocale === locale || originalLocale === null) {
		return { text: versions.original, fallbackLocale: null };
	}
	return { text: versions.original, fallbackLocale: originalLocale };
}

/** The versions of a row's `column` (`title`, `title_locale`, `title_az`…), for `localizedText`. */
export function versionsOf(row: object, column: string): TextVersions {
	const field = (name: string) => {
		const value = (row as Record<string, unknown>)[name];
		return typeof value === 'string' ? value : null;
	};
	return {
		original: field(column) ?? '',
		originalLocale: field(`${column}_locale`),
		az: field(`${column}_az`),
		en: field(`${column}_en`),
		ru: field(`${column}_ru`)
	};
}

/** A row's `column` in the reader's language: `{ text, fallbackLocale }`. */
export function localizedColumn(row: object, column: string, locale?: Locale): LocalizedText {
	return localizedText(versionsOf(row, column), locale);
}

/** Like `localizedColumn`, for a column that may be empty (a person's current post): null when it is. */
export function localizedOptionalColumn(row: object, column: string, locale?: Locale): LocalizedText | null {
	return (row as Record<string, unknown>)[column] == null ? null : localizedColumn(row, column, locale);
}

function asLocale(value: string | null): Locale | null {
	return (locales as readonly string[]).includes(value ?? '') ? (value as Locale) : null;
}
