/**
 * Security headers on every response, errors and downloads included. The Content-Security-Policy
 * itself comes from kit.csp in svelte.config.js (it needs SvelteKit's nonces).
 */
export function applySecurityHeaders(
	headers: Headers,
	options: { https: boolean; privatePage: boolean }
): void {
	headers.set('X-Content-Type-Options', 'nosniff');
	headers.set('X-Frame-Options', 'DENY');
	headers.set('Cross-Origin-Opener-Policy', 'same-origin');
	headers.set('Cross-Origin-Resource-Policy', 'same-origin');
	headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
	// Pages carry SvelteKit's policy with its nonces; anything else (refusals, JSON, calendar files) gets
	// one that allows nothing to run.
	if (!headers.has('Content-Security-Policy')) {
		headers.set(
			'Content-Security-Policy',
			"default-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
		);
	}
	if (!headers.has('Referrer-Policy')) headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	if (options.https) headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
	// Pages about people and unpublished meetings must not sit in shared caches.
	if (options.privatePage && !headers.has('Cache-Control')) headers.set('Cache-Control', 'private, no-store');
}

/**
 * Refuses a state-changing request sent from another site. SvelteKit's own origin check covers only form
 * content types; this one covers every content type, and requests without one.
 */
export function isCrossSiteWrite(request: Request, url: URL): boolean {
	if (['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return false;
	const fetchSite = request.headers.get('sec-fetch-site');
	if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') return true;
	const origin = request.headers.get('origin');
	return origin !== null && origin !== url.origin;
}
