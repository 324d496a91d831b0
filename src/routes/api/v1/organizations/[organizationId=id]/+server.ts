import { organizationEndpoint } from '$lib/server/api/api.endpoints';
import { answerRecord } from '$lib/server/api/api.http';
import { findOrganizationPage } from '$lib/server/organizations/organization.service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	answerRecord(event, organizationEndpoint, ({ db }) =>
		findOrganizationPage(db, Number(event.params.organizationId))
	);
