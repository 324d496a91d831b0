import { resolveChosen } from '$lib/server/choosers/chooser.service';
import { database } from '$lib/server/db';
import { pageRequest } from '$lib/server/pagination';
import { parseProjectListQuery } from '$lib/server/projects/project.input';
import { getProjectRegister } from '$lib/server/projects/project.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const db = database().db;
	const submitted = new URLSearchParams(url.searchParams);
	const chosen = await resolveChosen(db, submitted, { partner: { kind: 'organization' } });
	const query = parseProjectListQuery(submitted);
	const register = await getProjectRegister(db, {
		...query,
		page: pageRequest(url, 25, ['text', 'id'])
	});
	return { query, chosen, ...register };
};
