import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { PROJECT_FORM, ProjectInput } from '$lib/server/projects/project.input';
import { findProjectForm, PROJECT_CHOOSERS, reviseProject } from '$lib/server/projects/project.service';
import { saveRecordForm, versionOf } from '../../../record-form.server';
import type { Actions, PageServerLoad } from './$types';
import { recordFormWords } from '$lib/server/i18n/record-form.words';
import { projectFormWords } from '$lib/server/projects/project-form.words';
import { defineWords } from '$lib/server/i18n/words';

/** The page's own words, for its load to send. */
const pageWords = defineWords({
	projects_edit_heading: m.projects_edit_heading,
	projects_edit_title: m.projects_edit_title
});

export const load: PageServerLoad = async ({ params }) => {
	const projectId = Number(params.projectId);
	const form = await findProjectForm(database().db, projectId);
	if (!form) error(404, m.projects_not_found());
	return {
		recordWords: recordFormWords(),
		words: { ...projectFormWords(), ...pageWords() },
		...form,
		projectId
	};
};

export const actions: Actions = {
	save: async (event) => {
		const projectId = Number(event.params.projectId);
		return saveRecordForm(event.request, {
			read: PROJECT_FORM.read,
			schema: ProjectInput,
			choosers: PROJECT_CHOOSERS,
			save: async (input, values) => {
				const version = versionOf(values, 'project');
				await reviseProject(database().db, actorOf(event), projectId, version, input);
				return `/projects/${projectId}`;
			}
		});
	}
};
