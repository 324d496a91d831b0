import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { PROJECT_FORM, ProjectCreateInput } from '$lib/server/projects/project.input';
import { createProject, getProjectFormChoices, PROJECT_CHOOSERS } from '$lib/server/projects/project.service';
import { positiveId } from '$lib/server/query-params';
import { saveRecordForm } from '../../record-form.server';
import type { Actions, PageServerLoad } from './$types';
import { recordFormWords } from '$lib/server/i18n/record-form.words';
import { projectFormWords } from '$lib/server/projects/project-form.words';
import { defineWords } from '$lib/server/i18n/words';
import { m } from '$lib/paraglide/messages';

/** The page's own words, for its load to send. */
const pageWords = defineWords({
	projects_list_title: m.projects_list_title,
	projects_new_intro: m.projects_new_intro,
	projects_new_title: m.projects_new_title
});

/** `?agreement=<id>`: a project under that agreement. */
export const load: PageServerLoad = async ({ url }) => {
	const choices = await getProjectFormChoices(
		database().db,
		positiveId(url.searchParams.get('agreement')) ?? null
	);
	const agreementId = choices.agreement ? String(choices.agreement.id) : '';
	return {
		recordWords: recordFormWords(),
		words: { ...projectFormWords(), ...pageWords() },
		values: { ...PROJECT_FORM.empty(), state: 'ongoing', agreementId },
		choices
	};
};

export const actions: Actions = {
	save: async (event) => {
		return saveRecordForm(event.request, {
			read: PROJECT_FORM.read,
			schema: ProjectCreateInput,
			choosers: PROJECT_CHOOSERS,
			save: async (input) => `/projects/${await createProject(database().db, actorOf(event), input)}`
		});
	}
};
