import { problem } from '$lib/server/api/api.problem';
import type { RequestHandler } from './$types';

/** Anything else under /api/v1 (a token let it in): a 404 in the API's own form. */
export const GET: RequestHandler = () =>
	problem(404, 'There is no such address in the API; /api/v1/openapi.json lists them.');
