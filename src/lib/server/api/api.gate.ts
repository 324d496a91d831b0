/**
 * The read API's door, in the hooks: a request under /api/v1 is let in by its bearer token alone (no
 * session, no cookie, so no cross-site forgery to guard against: nothing is written), counted against
 * its token's rate, and refused as problem+json; a bearer token anywhere else is refused, so that a
 * token never opens a page.
 */
import type { Handle } from '@sveltejs/kit';
import { authenticateApiToken } from '../api-tokens/api-token.service';
import { database } from '../db';
import { problem, unauthorized } from './api.problem';
import { rateLimitFromEnvironment, TokenBuckets } from './api.rate-limit';

export const API_PREFIX = '/api/v1';

export function isApiPath(pathname: string): boolean {
	return pathname === API_PREFIX || pathname.startsWith(`${API_PREFIX}/`);
}

/** The token of an `Authorization: Bearer …` header; undefined without one, '' when it is empty. */
export function bearerToken(request: Request): string | undefined {
	const header = request.headers.get('authorization');
	if (header === null) return undefined;
	const match = /^Bearer(?:\s+(\S*))?\s*$/i.exec(header.trim());
	return match ? (match[1] ?? '') : undefined;
}

const REFUSED = {
	malformed: 'That is not a Protokol API token.',
	unknown: 'That token is not known here.',
	revoked: 'That token was revoked. Ask an administrator for a new one.',
	expired: 'That token has expired. Ask an administrator for a new one.'
} as const;

const buckets = new TokenBuckets(rateLimitFromEnvironment());

export const handleApi: Handle = async ({ event, resolve }) => {
	event.locals.apiClient = null;
	const bearer = bearerToken(event.request);
	if (!isApiPath(event.url.pathname)) {
		if (bearer !== undefined) {
			return problem(400, `API tokens open only ${API_PREFIX}; this address needs signing in.`);
		}
		return resolve(event);
	}
	if (!bearer) return unauthorized('Send an API token: Authorization: Bearer <token>.');
	const authentication = await authenticateApiToken(database().db, bearer);
	if ('refused' in authentication) return unauthorized(REFUSED[authentication.refused]);
	// Every token's scope is `read`: nothing under /api/v1 may be changed.
	if (event.request.method !== 'GET' && event.request.method !== 'HEAD') {
		return problem(405, 'The API only reads: use GET.', { headers: { allow: 'GET, HEAD' } });
	}
	const wait = buckets.take(authentication.client.tokenId);
	if (wait > 0) {
		return problem(429, `This token has made too many requests; try again in ${wait} s.`, {
			headers: { 'retry-after': String(wait) }
		});
	}
	event.locals.apiClient = authentication.client;
	return resolve(event);
};
