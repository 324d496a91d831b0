import { datedDocument } from '$lib/server/correspondence/correspondence.view';
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { ProjectLinkInput } from '$lib/server/projects/project.input';
import { findProjectPage, setProjectLink, type ProjectPage } from '$lib/server/projects/project.service';
import { datedRef } from '$lib/server/events/event.ref';
import { datedSummary } from '$lib/server/events/event.view';
import { changeLinkAction } from '../../link-actions.server';
import type { Actions, PageServerLoad } from './$types';
import { hasRole } from '$lib/server/auth/access';
import { defineWords } from '$lib/server/i18n/words';

/** The page's words, for its load to send. */
const pageWords = defineWords({
	projects_page_agreements: m.projects_page_agreements,
	projects_page_details: m.projects_page_details,
	projects_page_events: m.projects_page_events,
	projects_page_focal_point: m.projects_page_focal_point,
	projects_page_kind: m.projects_page_kind,
	projects_page_letters: m.projects_page_letters,
	projects_page_nobody: m.projects_page_nobody,
	projects_page_none_named: m.projects_page_none_named,
	projects_page_nothing_linked: m.projects_page_nothing_linked,
	projects_page_outcomes: m.projects_page_outcomes,
	projects_page_partners: m.projects_page_partners,
	projects_page_programme: m.projects_page_programme,
	projects_page_when: m.projects_page_when
});

/** The words of the panels only officers see: only they are sent them. */
const officerWords = defineWords({
	projects_page_edit: m.projects_page_edit,
	projects_page_unlink: m.projects_page_unlink,
	projects_page_link_heading: m.projects_page_link_heading,
	projects_page_link_label: m.projects_page_link_label
});

/** `?find=`: events, outcomes, letters and agreements to link, found by name. */
/** The project with the dates its tables show written out, so that the page formats none (nor loads the code to). */
function withDates({ project, ...page }: ProjectPage) {
	return {
		...page,
		project: {
			...project,
			events: project.events.map((event) => datedSummary(event)),
			outcomes: project.outcomes.map((outcome) => ({ ...outcome, event: datedRef(outcome.event) })),
			letters: project.letters.map(datedDocument)
		}
	};
}

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const find = (url.searchParams.get('find') ?? '').slice(0, 200);
	const page = await findProjectPage(database().db, Number(params.projectId), { find });
	if (!page) error(404, m.projects_not_found());
	return {
		...withDates(page),
		find,
		words: pageWords(),
		officerWords: hasRole(locals.user, 'officer') ? officerWords() : null
	};
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
