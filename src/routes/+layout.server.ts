import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { LayoutServerLoad } from './$types';

/**
 * What the language switcher on every page needs (LanguageSwitcher.svelte reads it from the page's data):
 * the page's language and the switcher's name in it, so that a page's script does not carry Paraglide's
 * runtime for these two alone. The language changes only by a reload (the switcher is a form), which runs
 * this again.
 */
export const load: LayoutServerLoad = () => ({
	language: { current: getLocale(), label: m.layout_language() }
});
