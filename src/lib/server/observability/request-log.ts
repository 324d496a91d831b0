/**
 * The outermost hook: gives each request its id (an incoming X-Request-Id when it is a short, plain token,
 * as a proxy in front may set one; otherwise a new one), sets it as the context of every line logged while
 * the request is answered, echoes it in the response, and ends with one access line and one measured
 * duration. It also answers /metrics (metrics-endpoint.ts), which is neither logged nor measured.
 *
 * The access line names the route id (/(link)/p/[token]), never the path or query, which carry ids and,
 * for personal links and feeds, the secret itself.
 */
import { randomFillSync } from 'node:crypto';
import type { Handle } from '@sveltejs/kit';
import { logger, requestContext } from './logger';
import { answerMetrics, METRICS_PATH } from './metrics-endpoint';
import { observeRequest } from './metrics';

export const REQUEST_ID_HEADER = 'x-request-id';
const USABLE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function requestIdOf(request: Request): string {
	const incoming = request.headers.get(REQUEST_ID_HEADER);
	return incoming && USABLE_REQUEST_ID.test(incoming) ? incoming : newRequestId();
}

// Random bytes drawn 512 ids at a time: one call into the system's generator per request was a measurable
// part of every answer (docs/performance.md). Each id is still 8 random bytes, never handed out twice.
const ID_BYTES = 8;
const drawn = Buffer.alloc(ID_BYTES * 512);
let nextId = drawn.length;

function newRequestId(): string {
	if (nextId === drawn.length) {
		randomFillSync(drawn);
		nextId = 0;
	}
	nextId += ID_BYTES;
	return drawn.toString('hex', nextId - ID_BYTES, nextId);
}

export const handleRequestLog: Handle = async ({ event, resolve }) => {
	const reqId = requestIdOf(event.request);
	event.locals.requestId = reqId;
	if (event.url.pathname === METRICS_PATH) return answerMetrics(event.request);
	const started = performance.now();
	return requestContext.run({ reqId }, async () => {
		// Stays 500 when a hook throws: SvelteKit then answers with its error page (and handleError).
		let status = 500;
		try {
			const response = await resolve(event);
			status = response.status;
			response.headers.set(REQUEST_ID_HEADER, reqId);
			return response;
		} finally {
			const elapsedMs = performance.now() - started;
			const method = event.request.method;
			const route = event.route.id;
			observeRequest(method, route, status, elapsedMs / 1000);
			logger[status >= 500 ? 'error' : 'info'](
				{
					method,
					route,
					status,
					durationMs: Math.round(elapsedMs * 10) / 10,
					userId: event.locals.user?.id ?? null
				},
				'request'
			);
		}
	});
};
