/** Reading the built server's pages in a language, as the switcher chooses one (its cookie). */
import { expect } from 'vitest';
import type { RunningServer } from './server';

export type PageLocale = 'az' | 'en' | 'ru';

/** A signed-in session's cookie with the switcher's choice of language beside it. */
export const cookieIn = (session: string, locale: PageLocale) => `${session}; protokol_locale=${locale}`;

/** A page read in a language: answered 200, its <html lang> that language; its HTML. */
export async function pageIn(server: RunningServer, session: string, locale: PageLocale, path: string) {
	const response = await fetch(`${server.url}${path}`, { headers: { cookie: cookieIn(session, locale) } });
	expect(response.status, path).toBe(200);
	const html = await response.text();
	expect(html.match(/<html lang="([^"]*)"/)?.[1], path).toBe(locale);
	return html;
}
