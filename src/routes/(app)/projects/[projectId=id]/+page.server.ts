import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { ProjectLinkInput } from '$lib/server/projects/project.input';
import { findProjectPage, setProjectLink } from '$lib/server/projects/project.service';
import { changeLinkAction } from '../../link-actions.server';
import type { Actions, PageServerLoad } from './$types';

/** `?find=`: events, outcomes, letters and agreements to link, found by name. */
export const load: PageServerLoad = async ({ params, url }) => {
	const find = (url.searchParams.get('find') ?? '').slice(0, 200);
	const page = await findProjectPage(database().db, Number(params.projectId), { find });
	if (!page) error(404, m.projects_not_found());
	return { ...page, find };
};

type ActionEvent = Parameters<Actions[string]>[0];

/** The Link buttons of the finder (`linked`) and the Unlink buttons beside each linked record. */
const setLink = (event: ActionEvent, linked: boolean) => {
	const projectId = Number(event.params.projectId);
	return changeLinkAction(event.request, {
		schema: ProjectLinkInput,
		write: (target) => setProjectLink(database().db, actorOf(event), projectId, { ...target, linked }),
		back: { path: `/projects/${projectId}`, anchor: linked ? 'link' : 'links' }
	});
};

export const actions: Actions = {
	link: (event) => setLink(event, true),
	unlink: (event) => setLink(event, false)
};
