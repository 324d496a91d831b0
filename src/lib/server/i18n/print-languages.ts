/**
 * The languages a printed sheet (the programme, the list of participants) is in: one, or two side by
 * side (issue 18 §2), chosen by a plain GET form on the page (`lang`, and `also` for the second). Each
 * column is read in its own language (`inLocale`): its labels, dates, agenda titles and positions, each
 * with the visible fallback where a text has no version in that language.
 */
import { getLocale, toLocale, type Locale } from '../../paraglide/runtime.js';
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

/**
 * The printout the URL asks for: its languages and one column per language, each read by `read` in its
 * language (the reader's language decides when the URL says none); null when there is nothing to print.
 */
export async function readPrintout<T>(
	params: URLSearchParams,
	read: () => Promise<T | null>
): Promise<{ languages: PrintLanguages; columns: { locale: Locale; view: T }[] } | null> {
	const languages = parsePrintLanguages(params, getLocale());
	const locales = languages.second ? [languages.first, languages.second] : [languages.first];
	const columns = await Promise.all(
		locales.map(async (locale) => ({ locale, view: await inLocale(locale, read) }))
	);
	if (columns.some((column) => column.view === null)) return null;
	return { languages, columns: columns as { locale: Locale; view: T }[] };
}
