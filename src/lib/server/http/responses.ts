/** Answers the hooks give by themselves, before any page is rendered, in the request's language. */
import { m } from '../../paraglide/messages.js';
import { inLocale, requestLocale } from '../i18n/locale';

const escapeHtml = (text: string) =>
	text.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
	);

const TITLES: Record<number, () => string> = {
	401: m.errors_title_401,
	403: m.errors_title_403,
	404: m.errors_title_404,
	413: m.errors_title_413,
	503: m.errors_title_503
};

/**
 * A refusal from the hooks. An enhanced form's request (SvelteKit's `x-sveltekit-action` header) gets the
 * error result its client reads, with the status, so the page can say what happened; anything else gets a
 * small, self-contained error page (no scripts, no inline styles: it passes the CSP as it is). Some
 * refusals come before Paraglide's middleware has run: the language is the request's, read here. The
 * message is a message function (read in that language), or a text already written.
 */
export function refusal(request: Request, status: number, message: string | (() => string)): Response {
	const locale = requestLocale(request);
	return inLocale(locale, () => {
		const text = typeof message === 'string' ? message : message();
		if (request.headers.get('x-sveltekit-action') === 'true') {
			return Response.json({ type: 'error', error: { message: text } }, { status });
		}
		const title = (TITLES[status] ?? m.errors_title_other)();
		const body = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(m.errors_page_title({ status, title }))}</title></head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p><p><a href="/events">${escapeHtml(m.errors_link_events())}</a> · <a href="/login">${escapeHtml(m.errors_link_sign_in())}</a></p></main></body></html>`;
		return new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
	});
}

export function seeOther(location: string): Response {
	return new Response(null, { status: 303, headers: { location } });
}
