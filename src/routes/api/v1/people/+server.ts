import { peopleEndpoint } from '$lib/server/api/api.endpoints';
import { answerList } from '$lib/server/api/api.http';
import { listPeoplePage } from '$lib/server/people/person.service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	answerList(event, peopleEndpoint, ({ db, query }, page) =>
		listPeoplePage(db, { organizationId: query.organization, page })
	);
