/** Answers the hooks give by themselves, before any page is rendered. */

const escapeHtml = (text: string) =>
	text.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
	);

const TITLES: Record<number, string> = {
	401: 'Sign in first',
	403: 'Not allowed',
	404: 'Not found',
	413: 'Too large',
	503: 'Not available right now'
};

/**
 * A refusal from the hooks. An enhanced form's request (SvelteKit's `x-sveltekit-action` header) gets the
 * error result its client reads, with the status, so the page can say what happened; anything else gets a
 * small, self-contained error page (no scripts, no inline styles: it passes the CSP as it is).
 */
export function refusal(request: Request, status: number, message: string): Response {
	if (request.headers.get('x-sveltekit-action') === 'true') {
		return Response.json({ type: 'error', error: { message } }, { status });
	}
	const title = TITLES[status] ?? 'Refused';
	const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${status} ${title} · Protokol</title></head><body><main><h1>${title}</h1><p>${escapeHtml(message)}</p><p><a href="/events">Events</a> · <a href="/login">Sign in</a></p></main></body></html>`;
	return new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

export function seeOther(location: string): Response {
	return new Response(null, { status: 303, headers: { location } });
}
