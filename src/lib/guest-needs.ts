/**
 * The languages the needs form offers for interpretation, shared by the server's check and the form:
 * BCP 47 tags, their English names from Intl (nothing kept here but the choice of languages).
 */
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

let names: Intl.DisplayNames | undefined;

/** "Russian" for ru. */
export function languageName(tag: string): string {
	names ??= new Intl.DisplayNames(['en'], { type: 'language' });
	try {
		return names.of(tag) ?? tag;
	} catch {
		return tag;
	}
}
