import { projectEndpoint } from '$lib/server/api/api.endpoints';
import { answerRecord } from '$lib/server/api/api.http';
import { findProjectPage } from '$lib/server/projects/project.service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	answerRecord(event, projectEndpoint, async ({ db }) => {
		const page = await findProjectPage(db, Number(event.params.projectId));
		return page?.project ?? null;
	});
