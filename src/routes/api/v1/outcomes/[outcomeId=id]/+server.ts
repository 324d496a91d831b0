import { outcomeEndpoint } from '$lib/server/api/api.endpoints';
import { answerRecord } from '$lib/server/api/api.http';
import { findOutcomePage } from '$lib/server/outcomes/outcome.service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	answerRecord(event, outcomeEndpoint, ({ db }) => findOutcomePage(db, Number(event.params.outcomeId)));
