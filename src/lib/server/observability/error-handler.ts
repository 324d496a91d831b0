/**
 * SvelteKit's handleError: an error nobody expected (not a refusal thrown with error()) is logged with its
 * cause chain and the request's id; the person sees only a plain sentence with that id, to quote when
 * they report it. Nothing of the error itself reaches the page: it may name tables, files or values.
 */
import type { HandleServerError } from '@sveltejs/kit';
import { m } from '../../paraglide/messages.js';
import { logger, type Logger } from './logger';

export function errorHandlerFor(log: Logger): HandleServerError {
	return ({ error, event, status, message }) => {
		const requestId = event.locals.requestId;
		// SvelteKit's own 404 and 405 (no such route, no such method) come here too: not faults, and their
		// errors name the path, which may hold a personal link's secret. The access line says enough.
		if (status < 500) return { message, requestId };
		log.error({ err: error, status, route: event.route.id, reqId: requestId }, 'unexpected error');
		return {
			message: m.errors_unexpected({ reference: requestId }),
			requestId
		};
	};
}

export const handleUnexpectedError = errorHandlerFor(logger);
