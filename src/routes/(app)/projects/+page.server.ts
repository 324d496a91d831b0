import { database } from '$lib/server/db';
import { pageRequest } from '$lib/server/pagination';
import { parseProjectListQuery } from '$lib/server/projects/project.input';
import { getProjectRegister } from '$lib/server/projects/project.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const query = parseProjectListQuery(url.searchParams);
	const register = await getProjectRegister(database().db, {
		...query,
		page: pageRequest(url, 25, ['text', 'id'])
	});
	return { query, ...register };
};
