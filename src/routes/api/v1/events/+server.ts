import { eventsEndpoint } from '$lib/server/api/api.endpoints';
import { answerList } from '$lib/server/api/api.http';
import { listEventsPage } from '$lib/server/events/event-read.service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	answerList(event, eventsEndpoint, ({ db, query }, page) =>
		listEventsPage(
			db,
			{
				when: query.when ?? 'upcoming',
				kind: query.kind,
				status: query.status,
				organizationId: query.organization,
				personId: query.person,
				seriesId: query.series,
				now: new Date().toISOString()
			},
			page
		)
	);
