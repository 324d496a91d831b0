/**
 * Which language a request is answered in, decided on the server (the URL never changes), in this order:
 * 1. the signed-in user's choice, kept on their account (`user_account.locale`);
 * 2. the switcher's cookie, for people without an account (login, personal links, public pages);
 * 3. the browser's Accept-Language, its best match among az, en and ru;
 * 4. the office's default, DEFAULT_LOCALE (en unless configured).
 * Paraglide asks this through the custom strategy "custom-protokol" (handleLocale in src/hooks.server.ts
 * runs its middleware, which keeps the answer for the request in AsyncLocalStorage); every message and
 * formatter on the server then reads it with getLocale().
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import {
	baseLocale,
	defineCustomServerStrategy,
	extractLocaleFromHeader,
	getServerAsyncLocalStorage,
	overwriteServerAsyncLocalStorage,
	toLocale,
	type Locale
} from '../../paraglide/runtime.js';

/** The switcher's cookie: a year, readable by the server only. */
export const LOCALE_COOKIE = 'protokol_locale';
export const LOCALE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

export interface LocaleSources {
	/** The signed-in user's choice, null when they made none or nobody is signed in. */
	account: string | null;
	/** The switcher's cookie, when set. */
	cookie: string | undefined;
	/** The request's Accept-Language header. */
	acceptLanguage: string | null;
	/** The office's default. */
	office: Locale;
}

export function resolveLocale(sources: LocaleSources): Locale {
	return (
		toLocale(sources.account) ??
		toLocale(sources.cookie) ??
		preferredLocale(sources.acceptLanguage) ??
		sources.office
	);
}

/** The best of our languages for an Accept-Language header (ru-RU → ru; q-values respected), if any. */
export function preferredLocale(acceptLanguage: string | null): Locale | undefined {
	if (!acceptLanguage) return undefined;
	return extractLocaleFromHeader(
		new Request('http://localhost/', { headers: { 'accept-language': acceptLanguage } })
	);
}

/** DEFAULT_LOCALE (az, en or ru); English when unset. A wrong value stops the server at start. */
export function officeLocale(value = process.env.DEFAULT_LOCALE): Locale {
	if (value === undefined || value === '') return baseLocale;
	const locale = toLocale(value);
	if (!locale) throw new Error(`DEFAULT_LOCALE must be one of az, en, ru; it is "${value}".`);
	return locale;
}

/**
 * Runs `write` in one language whatever the request's: for text that is stored rather than shown (the
 * search index's documents are written in the office's base language, English, so that one index serves
 * every reader; an invitation in its recipient's language). Outside any request (the outbox's and the
 * reminders' workers, scripts) Paraglide has no storage yet: this gives it one, as its middleware would.
 */
export function inLocale<T>(locale: Locale, write: () => T): T {
	return paraglideStorage().run({ locale }, write);
}

/** Where Paraglide's messages read the language of the moment: made here when nothing made it yet. */
function paraglideStorage() {
	let storage = getServerAsyncLocalStorage();
	if (!storage) {
		storage = new AsyncLocalStorage();
		overwriteServerAsyncLocalStorage(storage);
	}
	return storage;
}

/**
 * Answers a request in its language: what Paraglide's middleware keeps for the request (the locale, and
 * the origin its URL helpers read), without the two copies of the Request it makes for frameworks that
 * need a new one; SvelteKit does not, and the copies cost every request (docs/performance.md).
 */
export function answerInLocale<T>(request: Request, origin: string, answer: (locale: Locale) => T): T {
	const locale = requestLocale(request);
	return paraglideStorage().run({ locale, origin }, () => answer(locale));
}

function cookieOf(request: Request): string | undefined {
	const header = request.headers.get('cookie') ?? '';
	return header.match(new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]*)`))?.[1];
}

/** Each request's signed-in user's choice, noted by the hooks once the session is known. */
const accountChoices = new WeakMap<Request, string | null>();

export function noteAccountLocale(request: Request, locale: string | null): void {
	accountChoices.set(request, locale);
}

/**
 * The language a request is answered in, as the strategy decides it; for answers given before Paraglide's
 * middleware has run (the hooks' refusals), where the account is not known yet and the cookie decides.
 */
export function requestLocale(request: Request): Locale {
	return resolveLocale({
		account: accountChoices.get(request) ?? null,
		cookie: cookieOf(request),
		acceptLanguage: request.headers.get('accept-language'),
		office: officeLocale()
	});
}

defineCustomServerStrategy('custom-protokol', {
	getLocale: (request) => (request ? requestLocale(request) : undefined)
});
