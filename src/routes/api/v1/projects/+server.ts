import { projectsEndpoint } from '$lib/server/api/api.endpoints';
import { answerList } from '$lib/server/api/api.http';
import { listProjectsPage } from '$lib/server/projects/project.service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	answerList(event, projectsEndpoint, ({ db, query }, page) =>
		listProjectsPage(db, {
			organizationId: query.partner,
			programme: query.programme,
			state: query.state,
			page
		})
	);
