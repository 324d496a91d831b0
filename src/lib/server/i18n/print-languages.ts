/**
 * The languages a printed sheet (the programme, the list of participants) is in: one, or two side by
 * side (issue 18 §2), chosen by a plain GET form on the page (`lang`, and `also` for the second). Each
 * column is read in its own language (`inLocale`): its labels, dates, agenda titles and positions, each
 * with the visible fallback where a text has no version in that language.
 */
import { toLocale, type Locale } from '../../paraglide/runtime.js';
import { inLocale } from './locale';

export interface PrintLanguages {
	/** The first column's language: the one asked for, else the reader's. */
	first: Locale;
	/** The second column's, or null for one column. */
	second: Locale | null;
}

/** What the URL asks for; an unknown language reads as not chosen, a second the same as the first as none. */
export function parsePrintLanguages(params: URLSearchParams, readerLocale: Locale): PrintLanguages {
	const first = toLocale(params.get('lang')) ?? readerLocale;
	const second = toLocale(params.get('also')) ?? null;
	return { first, second: second === first ? null : second };
}

/** One column per language chosen, in order, each read by `read` in its language. */
export async function readInEachLanguage<T>(
	languages: PrintLanguages,
	read: () => Promise<T>
): Promise<{ locale: Locale; view: T }[]> {
	const locales = languages.second ? [languages.first, languages.second] : [languages.first];
	return Promise.all(locales.map(async (locale) => ({ locale, view: await inLocale(locale, read) })));
}
