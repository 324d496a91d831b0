import { outcomesEndpoint } from '$lib/server/api/api.endpoints';
import { answerList } from '$lib/server/api/api.http';
import { listOutcomesPage } from '$lib/server/outcomes/outcome.service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	answerList(event, outcomesEndpoint, ({ db, query }, page) =>
		listOutcomesPage(db, {
			status: query.status,
			kind: query.kind,
			organizationId: query.organization,
			page
		})
	);
