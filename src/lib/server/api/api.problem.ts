/** Refusals of the read API as RFC 9457 problem details (application/problem+json). */
import type { z } from 'zod';
import type { Problem } from './api.schemas';

export type ProblemDetails = z.output<typeof Problem>;
export type InvalidParam = { name: string; reason: string };

const TITLES: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	405: 'Method Not Allowed',
	429: 'Too Many Requests',
	503: 'Service Unavailable'
};

/**
 * A problem of type about:blank, whose title is the status's own phrase (RFC 9457 §4.2.1): the status
 * says what kind of refusal it is, `detail` says what to do about this one.
 */
export function problem(
	status: number,
	detail: string,
	extra: { invalidParams?: InvalidParam[]; headers?: Record<string, string> } = {}
): Response {
	const body: ProblemDetails = {
		type: 'about:blank',
		title: TITLES[status] ?? 'Error',
		status,
		detail,
		...(extra.invalidParams ? { invalidParams: extra.invalidParams } : {})
	};
	return new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store', ...extra.headers }
	});
}

/** A refusal thrown inside an API handler, answered as its problem by `answer`. */
export class ApiProblem extends Error {
	constructor(
		readonly status: number,
		readonly detail: string,
		readonly invalidParams?: InvalidParam[]
	) {
		super(detail);
	}

	toResponse(): Response {
		return problem(this.status, this.detail, { invalidParams: this.invalidParams });
	}
}

/** What a 401 says: a bearer token is the only way in, and why this one was not enough. */
export function unauthorized(detail: string): Response {
	return problem(401, detail, { headers: { 'www-authenticate': 'Bearer realm="protokol"' } });
}
