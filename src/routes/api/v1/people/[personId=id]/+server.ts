import { personEndpoint } from '$lib/server/api/api.endpoints';
import { answerRecord } from '$lib/server/api/api.http';
import { hasRole } from '$lib/server/auth/access';
import { findPersonPage } from '$lib/server/people/person.service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	answerRecord(event, personEndpoint, ({ db, client }) =>
		findPersonPage(db, Number(event.params.personId), { privateContacts: hasRole(client, 'officer') })
	);
