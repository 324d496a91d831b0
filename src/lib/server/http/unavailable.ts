/**
 * A request the database could not serve (full disk, read-only or damaged database, too busy: see
 * db/db-errors.ts) is answered 503 with what happened, its cause logged, and readiness told. SvelteKit
 * answers every unexpected error 500 and handleError cannot change that, so handleError notes the failure
 * (`noteDatabaseFailure`) and `answerDatabaseFailures`, the outermost hook, puts a 503 in place of the
 * 500; failures in the hooks themselves (a session's renewal) reach it directly.
 */
import type { Handle, RequestEvent } from '@sveltejs/kit';
import {
	classifyDatabaseError,
	describeProblem,
	problemMessage,
	type DatabaseProblem
} from '../db/db-errors';
import { noteDatabaseFailure as rememberForReadiness } from '../db/health';
import { logger } from '../observability/logger';
import { refusal } from './responses';

// Keyed by the request's locals: SvelteKit hands handleError a copy of the event (with its tracing), but
// every copy shares the one locals object.
const failures = new WeakMap<App.Locals, { problem: DatabaseProblem; message: string }>();

const writes = (request: Request) => request.method !== 'GET' && request.method !== 'HEAD';

/**
 * For handleError: when the database caused `error`, logs its cause, remembers it for this request and
 * for readiness, and returns the message the answer carries; undefined for any other error.
 */
export function noteDatabaseFailure(error: unknown, event: RequestEvent): App.Error | undefined {
	const problem = classifyDatabaseError(error);
	if (!problem) return undefined;
	rememberForReadiness(problem);
	const message = problemMessage(problem, writes(event.request));
	failures.set(event.locals, { problem, message });
	// The route id, never the path: a path may hold a personal link's or a feed's secret.
	logger.error(
		{ err: error, code: problem.code, route: event.route.id },
		`answered 503: ${describeProblem(problem)}`
	);
	return { message, requestId: event.locals.requestId };
}

function unavailable(event: RequestEvent, message: string): Response {
	// A client-side navigation reads its data as JSON, and a message as a JSON string.
	if (event.isDataRequest) return Response.json(message, { status: 503 });
	return refusal(event.request, 503, message);
}

export const answerDatabaseFailures: Handle = async ({ event, resolve }) => {
	let response: Response;
	try {
		response = await resolve(event);
	} catch (error) {
		const answer = noteDatabaseFailure(error, event);
		if (!answer) throw error;
		return unavailable(event, answer.message);
	}
	const failure = failures.get(event.locals);
	if (!failure) return response;
	await response.body?.cancel();
	return unavailable(event, failure.message);
};
