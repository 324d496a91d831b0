import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { handleApi, isApiPath } from '$lib/server/api/api.gate';
import { ENROLMENT_ROUTES, hasRole, PROBE_ROUTES, routeAccess } from '$lib/server/auth/access';
import {
	deleteSessionCookie,
	SESSION_COOKIE,
	setSessionCookie,
	validateSessionToken
} from '$lib/server/auth/session';
import { database } from '$lib/server/db';
import { noteClientGone, stopWhenClientGone } from '$lib/server/http/client-gone';
import { discardBody, FORM_SIZE_LIMIT, isOversizedForm } from '$lib/server/http/body-size';
import { applySecurityHeaders, isCrossSiteWrite } from '$lib/server/http/headers';
import { needsFirstAdministrator } from '$lib/server/users/setup.service';
import { warnIfProxiedWithoutAddressHeader } from '$lib/server/http/proxy-warning';
import { refusal, seeOther } from '$lib/server/http/responses';
import { unauthorized } from '$lib/server/api/api.problem';
import { answerDatabaseFailures, noteDatabaseFailure } from '$lib/server/http/unavailable';
import { handleUnexpectedError } from '$lib/server/observability/error-handler';
import { handleRequestLog } from '$lib/server/observability/request-log';
import { formNoticesJson } from '$lib/server/i18n/form-notices';
import { answerInLocale, noteAccountLocale, officeLocale } from '$lib/server/i18n/locale';
import { m } from '$lib/paraglide/messages';
import { formatByteSize } from '$lib/format/sizes';
import {
	prepareDatabase,
	startBackupSchedule,
	startOutboxDelivery,
	stopOnShutdown
} from '$lib/server/startup';

// Loaded by the first signed-in request: the accounts' code (argon2, qrcode) is not needed to answer a
// probe or the sign-in page, so the server answers its first sooner (docs/performance.md).
let twoFactorModule: Promise<typeof import('$lib/server/users/two-factor.service')> | undefined;
const twoFactorService = () => (twoFactorModule ??= import('$lib/server/users/two-factor.service'));

export const init: ServerInit = async () => {
	officeLocale(); // a wrong DEFAULT_LOCALE stops the start, not the first request
	stopOnShutdown();
	await prepareDatabase();
	startOutboxDelivery();
	startBackupSchedule();
};

const refuseCrossSiteWrites: Handle = async ({ event, resolve }) => {
	if (isCrossSiteWrite(event.request, event.url)) {
		return refusal(event.request, 403, m.errors_cross_site);
	}
	return resolve(event);
};

const refuseOversizedForms: Handle = async ({ event, resolve }) => {
	if (isOversizedForm(event.request, event.route.id, event.url)) {
		await discardBody(event.request);
		return refusal(event.request, 413, () =>
			m.errors_form_too_large({ limit: formatByteSize(FORM_SIZE_LIMIT) })
		);
	}
	return resolve(event);
};

const handleSession: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	// The API is read with a bearer token only (handleApi): a session cookie means nothing there.
	if (isApiPath(event.url.pathname)) return resolve(event);
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const secure = event.url.protocol === 'https:';
		const valid = await validateSessionToken(database().db, token);
		if (valid) {
			event.locals.user = valid.user;
			event.locals.session = valid.session;
			setSessionCookie(event.cookies, token, valid.session, secure);
		} else {
			deleteSessionCookie(event.cookies, secure);
		}
	}
	return resolve(event);
};

// The language of the answer (src/lib/server/i18n/locale.ts), kept for the request as Paraglide's middleware would,
// and <html lang> says it, which is also where the browser's code reads it back (vite.config.ts); the
// enhanced forms' failure notices are written into the page in it (src/lib/server/i18n/form-notices.ts).
const handleLocale: Handle = ({ event, resolve }) => {
	noteAccountLocale(event.request, event.locals.user?.locale ?? null);
	return answerInLocale(event.request, event.url.origin, (locale) =>
		resolve(event, { transformPageChunk: ({ html }) => withLanguage(html, locale) })
	);
};

/** The page with its language and the form notices written in: one copy of the page, not one for each. */
function withLanguage(html: string, locale: string): string {
	const lang = html.indexOf(LANG_SLOT);
	const notices = html.indexOf(NOTICES_SLOT, lang + 1);
	if (lang < 0 || notices < 0) {
		// A later chunk of a streamed page, or a page without the template's slots.
		return html.replace(LANG_SLOT, locale).replace(NOTICES_SLOT, formNoticesJson);
	}
	return (
		html.slice(0, lang) +
		locale +
		html.slice(lang + LANG_SLOT.length, notices) +
		formNoticesJson() +
		html.slice(notices + NOTICES_SLOT.length)
	);
}
const LANG_SLOT = '%lang%';
const NOTICES_SLOT = '%protokol.formNotices%';

// Once an administrator exists the setup page is gone for good; until then it is the only page.
// Refusals are returned, not thrown, so that handleHeaders still puts its headers on them.
let setupDone = false;

const handleAccess: Handle = async ({ event, resolve }) => {
	const routeId = event.route.id;
	if (!PROBE_ROUTES.has(routeId ?? '') && !isApiPath(event.url.pathname)) {
		setupDone ||= !(await needsFirstAdministrator(database().db));
		if (!setupDone && routeId !== '/(public)/setup') return seeOther('/setup');
		if (setupDone && routeId === '/(public)/setup')
			return refusal(event.request, 404, m.errors_set_up_already);
	}
	const access = routeAccess(routeId, event.request.method);
	if (access.kind === 'public') return resolve(event);
	if (access.kind === 'token') {
		return event.locals.apiClient ? resolve(event) : unauthorized('Send an API token.');
	}
	const { user, session } = event.locals;
	if (!user || !session) {
		if (event.request.method === 'GET') {
			return seeOther(`/login?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
		}
		return refusal(event.request, 401, m.errors_sign_in_first);
	}
	if (!session.twoFactorVerified) return seeOther('/login/two-factor');
	if (!hasRole(user, access.role)) return refusal(event.request, 403, m.errors_role_not_allowed);
	const twoFactor = await twoFactorService();
	if (!ENROLMENT_ROUTES.has(routeId ?? '') && (await twoFactor.mustEnrolTwoFactor(database().db, user))) {
		return seeOther('/account/two-factor');
	}
	return resolve(event);
};

const handleHeaders: Handle = async ({ event, resolve }) => {
	warnIfProxiedWithoutAddressHeader(event.request);
	const response = await resolve(event);
	applySecurityHeaders(response.headers, {
		https: event.url.protocol === 'https:',
		privatePage: !PROBE_ROUTES.has(event.route.id ?? '')
	});
	return response;
};

export const handle = sequence(
	handleRequestLog,
	stopWhenClientGone,
	handleHeaders,
	answerDatabaseFailures,
	handleApi,
	refuseCrossSiteWrites,
	refuseOversizedForms,
	handleSession,
	handleLocale,
	handleAccess
);

// A database failure (full disk, read-only …) is logged with its cause and answered 503 by
// answerDatabaseFailures; a query refused because the client has gone ends as 499 (stopWhenClientGone);
// anything else is unexpected, and keeps SvelteKit's 500.
export const handleError: HandleServerError = (input) =>
	noteClientGone(input.error, input.event) ??
	noteDatabaseFailure(input.error, input.event) ??
	handleUnexpectedError(input);
