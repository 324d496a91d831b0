/**
 * The languages the needs form offers for interpretation, shared by the server's check and the form:
 * BCP 47 tags, their names from Intl in the reader's language (nothing kept here but the choice of languages).
 */
import { getLocale } from './paraglide/runtime.js';

export const INTERPRETATION_LANGUAGES = [
	'az',
	'en',
	'ru',
	'tr',
	'fr',
	'de',
	'es',
	'it',
	'ar',
	'fa',
	'zh',
	'ja',
	'ko',
	'ka',
	'uk',
	'kk',
	'uz',
	'ky',
	'tk',
	'tg',
	'pt'
] as const;

const names = new Map<string, Intl.DisplayNames>();

/** "Russian" for ru, in the reader's language ("rus dili", "русский"). */
export function languageName(tag: string): string {
	const locale = getLocale();
	let named = names.get(locale);
	if (!named) names.set(locale, (named = new Intl.DisplayNames([locale], { type: 'language' })));
	try {
		return named.of(tag) ?? tag;
	} catch {
		return tag;
	}
}
