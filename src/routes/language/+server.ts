import { redirect } from '@sveltejs/kit';
import { safeReturnPath } from '$lib/server/auth/access';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE } from '$lib/server/i18n/locale';
import { refusal } from '$lib/server/http/responses';
import { chooseInterfaceLocale } from '$lib/server/users/user.service';
import { interfaceLocales, type InterfaceLocale } from '$lib/vocabulary';
import type { RequestHandler } from './$types';

/**
 * The language switcher's form (LanguageSwitcher.svelte, on every page): the choice is kept on the
 * account when someone is signed in, and in a cookie for everyone (the login page after signing out, a
 * personal link, the public pages); then back to the page it was sent from. A plain POST, so it works
 * without JavaScript; the hooks refuse it from another site as every other form.
 */
export const POST: RequestHandler = async (event) => {
	const { locals, cookies, url, request } = event;
	const form = await request.formData().catch(() => null);
	const locale = form?.get('locale');
	if (typeof locale !== 'string' || !(interfaceLocales.values as readonly string[]).includes(locale)) {
		return refusal(request, 400, 'Choose one of the languages offered.');
	}
	if (locals.user && locals.session?.twoFactorVerified) {
		await chooseInterfaceLocale(database().db, actorOf(event), locale as InterfaceLocale);
	}
	cookies.set(LOCALE_COOKIE, locale, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: LOCALE_COOKIE_MAX_AGE
	});
	const next = form?.get('next');
	redirect(303, safeReturnPath(typeof next === 'string' ? next : null));
};
