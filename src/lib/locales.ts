/**
 * The interface's languages (src/lib/server/i18n/locale.ts, project.inlang/settings.json; apart from
 * the vocabularies, so that the switcher on every page carries no labels), each named in
 * its own language, as the switcher shows them whatever the page's language.
 */
export const interfaceLocales = {
	values: ['az', 'en', 'ru'],
	labels: { az: 'Azərbaycanca', en: 'English', ru: 'Русский' }
} as const;
