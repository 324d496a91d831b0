import { correspondenceItemEndpoint } from '$lib/server/api/api.endpoints';
import { answerRecord } from '$lib/server/api/api.http';
import { findCorrespondencePage } from '$lib/server/correspondence/correspondence.service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	answerRecord(event, correspondenceItemEndpoint, ({ db }) =>
		findCorrespondencePage(db, Number(event.params.correspondenceId))
	);
