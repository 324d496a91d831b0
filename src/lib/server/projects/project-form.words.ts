/**
 * The words of the project form (src/routes/(app)/projects/ProjectForm.svelte), for its new and edit pages
 * to send with their data, so that the form's script carries none of them in three languages.
 */
import { m } from '../../paraglide/messages.js';
import { projectProgrammes, projectStates } from '../../vocabulary';
import { defineWords } from '../i18n/words';

export const projectFormWords = defineWords({
	projectProgrammes,
	projectStates,
	projects_field_description: m.projects_field_description,
	projects_field_end: m.projects_field_end,
	projects_field_focal_point: m.projects_field_focal_point,
	projects_field_partners: m.projects_field_partners,
	projects_field_programme: m.projects_field_programme,
	projects_field_start: m.projects_field_start,
	projects_field_state: m.projects_field_state,
	projects_field_title: m.projects_field_title,
	projects_form_create: m.projects_form_create,
	projects_form_end_hint: m.projects_form_end_hint,
	projects_form_nobody: m.projects_form_nobody,
	projects_form_none_named: m.projects_form_none_named,
	projects_form_partners_hint: m.projects_form_partners_hint,
	projects_form_save: m.projects_form_save,
	projects_form_under: m.projects_form_under,
	projects_form_when_hint: m.projects_form_when_hint
});

export type ProjectFormWords = ReturnType<typeof projectFormWords>;
