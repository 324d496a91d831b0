/**
 * A request whose client has gone is not worth finishing: the database layer refuses its next query
 * (db/request-scope.ts), the error is logged at debug, and the request ends as 499 ("client closed
 * request", as nginx logs it) rather than as a server error.
 */
import type { Handle, RequestEvent } from '@sveltejs/kit';
import { ClientGoneError, withinRequest } from '../db/request-scope';
import { logger } from '../observability/logger';

export const CLIENT_CLOSED_REQUEST = 499;

// Keyed by the request's locals, which every copy of the event SvelteKit hands the hooks shares.
const gone = new WeakSet<App.Locals>();

const closed = () => new Response(null, { status: CLIENT_CLOSED_REQUEST });

/** For handleError: a refused query of a request whose client has gone, noted and logged at debug. */
export function noteClientGone(error: unknown, event: RequestEvent): App.Error | undefined {
	if (!(error instanceof ClientGoneError)) return undefined;
	gone.add(event.locals);
	logger.debug(
		{ route: event.route.id, queriesRun: error.queriesRun },
		'the client has gone: the request runs no further queries'
	);
	return { message: 'The request was closed before it was answered.', requestId: event.locals.requestId };
}

export const stopWhenClientGone: Handle = async ({ event, resolve }) => {
	try {
		const response = await withinRequest(event.request.signal, async () => resolve(event));
		if (response.status < 500 || !gone.has(event.locals)) return response;
		await response.body?.cancel();
		return closed();
	} catch (error) {
		// Thrown by a hook (the session's check) rather than a page: SvelteKit's handleError never saw it.
		if (!(error instanceof ClientGoneError)) throw error;
		noteClientGone(error, event);
		return closed();
	}
};
