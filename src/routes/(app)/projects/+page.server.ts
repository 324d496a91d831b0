import { resolveChosen } from '$lib/server/choosers/chooser.service';
import { database } from '$lib/server/db';
import { pageRequest } from '$lib/server/pagination';
import { parseProjectListQuery } from '$lib/server/projects/project.input';
import { getProjectRegister } from '$lib/server/projects/project.service';
import type { PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { defineWords } from '$lib/server/i18n/words';
import { listWords } from '$lib/server/i18n/list.words';
import { projectProgrammes, projectStates } from '$lib/vocabulary';

/** The page's words, for its load to send. */
const pageWords = defineWords({
	projectProgrammes,
	projectStates,
	projects_list_add: m.projects_list_add,
	projects_list_any_partner: m.projects_list_any_partner,
	projects_list_any_programme: m.projects_list_any_programme,
	projects_list_any_state: m.projects_list_any_state,
	projects_list_eyebrow: m.projects_list_eyebrow,
	projects_list_filter: m.projects_list_filter,
	projects_list_focal_point: m.projects_list_focal_point,
	projects_list_no_match: m.projects_list_no_match,
	projects_list_none_yet: m.projects_list_none_yet,
	projects_list_partner: m.projects_list_partner,
	projects_list_partners: m.projects_list_partners,
	projects_list_programme: m.projects_list_programme,
	projects_list_project: m.projects_list_project,
	projects_list_state: m.projects_list_state,
	projects_list_title: m.projects_list_title,
	projects_list_when: m.projects_list_when
});

export const load: PageServerLoad = async ({ url }) => {
	const db = database().db;
	const submitted = new URLSearchParams(url.searchParams);
	const chosen = await resolveChosen(db, submitted, { partner: { kind: 'organization' } });
	const query = parseProjectListQuery(submitted);
	const register = await getProjectRegister(db, {
		...query,
		page: pageRequest(url, 25, ['text', 'id'])
	});
	return { query, chosen, ...register, words: { ...listWords(), ...pageWords() } };
};
