/**
 * The beats every read API route has: read the query through its schema (a wrong or unknown parameter
 * is a 400 that names it), call one read service as a user of the token's role would, pass the answer
 * through its schema, and send it with an ETag (304 when the client holds it already). Lists are paged
 * by keyset: `next` is this URL again with the cursor of the last row.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase64urlNoPadding } from '@oslojs/encoding';
import type { RequestEvent } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ApiClient } from '../api-tokens/api-token.service';
import { database } from '../db';
import type { Database } from '../db/schema';
import { DomainError, Forbidden, NotFound } from '../errors';
import { decodeCursor, type Page, type PageRequest } from '../pagination';
import type { ListEndpoint, RecordEndpoint } from './api.endpoints';
import { ApiProblem, type InvalidParam } from './api.problem';
import { DEFAULT_PAGE_SIZE } from './api.schemas';

export interface ApiContext<Q> {
	db: Kysely<Database>;
	/** The integration reading, with its token's role (what a page would know of its user). */
	client: ApiClient;
	query: Q;
}

/** A list route: `run` returns the page the service returned for the request it is given. */
export async function answerList<Q extends z.ZodType, I extends z.ZodType>(
	event: RequestEvent,
	endpoint: ListEndpoint<Q, I>,
	run: (context: ApiContext<z.output<Q>>, page: PageRequest) => Promise<Page<z.input<I>>>
): Promise<Response> {
	return answering(event, async () => {
		const context = contextOf(event, endpoint.query);
		const { cursor, limit } = context.query as { cursor?: string; limit?: number };
		const after = cursor === undefined ? undefined : decodeCursor(cursor, endpoint.cursor);
		if (cursor !== undefined && !after) {
			throw new ApiProblem(400, 'The cursor is not one this list gave out.', [
				{ name: 'cursor', reason: 'Use the `next` link of the page before, as it is.' }
			]);
		}
		const page = await run(context, { after, limit: limit ?? DEFAULT_PAGE_SIZE });
		return endpoint.response.parse({ items: page.items, next: page.next && nextLink(event.url, page.next) });
	});
}

/** A record route: `run` returns the record, or null when there is none of that id (404). */
export async function answerRecord<Q extends z.ZodType, R extends z.ZodType>(
	event: RequestEvent,
	endpoint: RecordEndpoint<Q, R>,
	run: (context: ApiContext<z.output<Q>>) => Promise<z.input<R> | null>
): Promise<Response> {
	return answering(event, async () => {
		const record = await run(contextOf(event, endpoint.query));
		if (record === null) throw new ApiProblem(404, 'There is no such record.');
		return endpoint.response.parse(record);
	});
}

/** A fixed answer (the OpenAPI document), with its ETag as every answer has. */
export function answerValue(event: RequestEvent, value: unknown): Promise<Response> {
	return answering(event, async () => value);
}

async function answering(event: RequestEvent, shape: () => Promise<unknown>): Promise<Response> {
	let body: string;
	try {
		body = JSON.stringify(await shape());
	} catch (error) {
		if (error instanceof ApiProblem) return error.toResponse();
		if (error instanceof NotFound) return new ApiProblem(404, error.message).toResponse();
		if (error instanceof Forbidden) return new ApiProblem(403, error.message).toResponse();
		if (error instanceof DomainError) return new ApiProblem(400, error.message).toResponse();
		throw error;
	}
	const etag = entityTag(body);
	const headers = {
		etag,
		// Each client keeps its own copy and asks again each time; a token's role may change what it reads.
		'cache-control': 'private, no-cache',
		vary: 'Authorization'
	};
	if (matchesEntityTag(event.request.headers.get('if-none-match'), etag)) {
		return new Response(null, { status: 304, headers });
	}
	return new Response(body, { headers: { ...headers, 'content-type': 'application/json' } });
}

function contextOf<Q extends z.ZodType>(event: RequestEvent, schema: Q): ApiContext<z.output<Q>> {
	const client = event.locals.apiClient;
	if (!client) throw new Error('an API route needs a token: the hooks let no other request get here');
	return { db: database().db, client, query: parseQuery(event.url, schema) };
}

/** The query through its schema; a parameter given twice, unknown or of the wrong form is named. */
export function parseQuery<Q extends z.ZodType>(url: URL, schema: Q): z.output<Q> {
	const values: Record<string, string> = {};
	const problems: InvalidParam[] = [];
	for (const [name, value] of url.searchParams) {
		if (name in values) problems.push({ name, reason: 'Given more than once.' });
		values[name] = value;
	}
	const parsed = schema.safeParse(values);
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			if (issue.code === 'unrecognized_keys') {
				for (const key of issue.keys)
					problems.push({ name: key, reason: 'This list takes no such parameter.' });
			} else {
				problems.push({ name: String(issue.path[0] ?? 'query'), reason: issue.message });
			}
		}
	}
	if (problems.length > 0 || !parsed.success) {
		const names = [...new Set(problems.map((p) => p.name))].join(', ');
		throw new ApiProblem(400, `Invalid query parameter: ${names}.`, problems);
	}
	return parsed.data;
}

/** This list again, from after the last row shown, with the same filters and page size. */
function nextLink(url: URL, cursor: string): string {
	const params = new URLSearchParams(url.searchParams);
	params.set('cursor', cursor);
	return `${url.pathname}?${params}`;
}

/**
 * A validator of this answer: weak, since the same JSON may travel compressed or not (the compression
 * middleware would weaken a strong one on the way, and a 304 would then carry another tag than the 200).
 */
export function entityTag(body: string): string {
	return `W/"${encodeBase64urlNoPadding(sha256(new TextEncoder().encode(body)))}"`;
}

/** If-None-Match as RFC 9110 §13.1.2 compares it: weakly, any of a list, or `*`. */
export function matchesEntityTag(header: string | null, etag: string): boolean {
	if (!header) return false;
	if (header.trim() === '*') return true;
	const opaque = etag.replace(/^W\//, '');
	return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === opaque);
}
