import { correspondenceEndpoint } from '$lib/server/api/api.endpoints';
import { answerList } from '$lib/server/api/api.http';
import { listCorrespondencePage } from '$lib/server/correspondence/correspondence.service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	answerList(event, correspondenceEndpoint, ({ db, query }, page) =>
		listCorrespondencePage(db, {
			year: query.year,
			direction: query.direction,
			kind: query.kind,
			organizationId: query.organization,
			awaitingReply: query.awaiting === '1' || undefined,
			page
		})
	);
