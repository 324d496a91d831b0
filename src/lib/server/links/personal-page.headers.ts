/**
 * What every answer behind a personal link carries: the token is in the URL, so no Referer may take it
 * to another site, no search engine may list it (should the link ever leak onto a public page), and the
 * page is about one person, so no shared cache may keep it.
 *
 * `same-origin`, not `no-referrer`: under `no-referrer` a browser sends `Origin: null` with the page's own
 * form posts (Fetch standard, "append a request Origin header"), and SvelteKit's CSRF check, rightly,
 * refuses those — answering without JavaScript would fail. `same-origin` sends no Referer to any other
 * site, and to this one only what it already knows.
 */
import type { RequestEvent } from '@sveltejs/kit';

export const PERSONAL_PAGE_HEADERS = {
	'referrer-policy': 'same-origin',
	'x-robots-tag': 'noindex, nofollow',
	'cache-control': 'private, no-store'
} as const;

// A form action and the page rendered after it share one response, and SvelteKit refuses a header set
// twice: the first of them to ask sets the headers.
const sent = new WeakSet<Request>();

export function sendPersonalPageHeaders(event: Pick<RequestEvent, 'request' | 'setHeaders'>): void {
	if (sent.has(event.request)) return;
	sent.add(event.request);
	event.setHeaders(PERSONAL_PAGE_HEADERS);
}
