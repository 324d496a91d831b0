import { eventEndpoint } from '$lib/server/api/api.endpoints';
import { answerRecord } from '$lib/server/api/api.http';
import { findEventPage } from '$lib/server/events/event-read.service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	answerRecord(event, eventEndpoint, ({ db }) => findEventPage(db, Number(event.params.eventId)));
