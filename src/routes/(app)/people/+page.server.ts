import { database } from '$lib/server/db';
import { listOrganizationFilterOptions } from '$lib/server/organizations/organization.service';
import { pageRequest } from '$lib/server/pagination';
import { parsePersonListQuery } from '$lib/server/people/person.input';
import { listPeoplePage } from '$lib/server/people/person.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const { db } = database();
	const { organizationId } = parsePersonListQuery(url.searchParams);
	const [people, organizations] = await Promise.all([
		listPeoplePage(db, { organizationId, page: pageRequest(url, 50, ['text', 'text', 'id']) }),
		listOrganizationFilterOptions(db)
	]);
	return { organizationId: organizationId ?? null, people, organizations };
};
