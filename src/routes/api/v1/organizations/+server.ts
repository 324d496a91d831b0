import { organizationsEndpoint } from '$lib/server/api/api.endpoints';
import { answerList } from '$lib/server/api/api.http';
import { listOrganizationsPage } from '$lib/server/organizations/organization.service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	answerList(event, organizationsEndpoint, async ({ db, query }, page) => {
		const list = await listOrganizationsPage(db, { kind: query.kind, parentId: query.parent, page });
		return list.organizations;
	});
