import { answerValue } from '$lib/server/api/api.http';
import { openApiDocument } from '$lib/server/api/api.openapi';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => answerValue(event, openApiDocument());
