import { resolveChosen } from '$lib/server/choosers/chooser.service';
import { database } from '$lib/server/db';
import { pageRequest } from '$lib/server/pagination';
import { parsePersonListQuery } from '$lib/server/people/person.input';
import { listPeoplePage } from '$lib/server/people/person.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const { db } = database();
	const params = new URLSearchParams(url.searchParams);
	const chosen = await resolveChosen(db, params, { organization: { kind: 'organization' } });
	const { organizationId } = parsePersonListQuery(params);
	const people = await listPeoplePage(db, {
		organizationId,
		page: pageRequest(url, 50, ['text', 'id'])
	});
	return { organizationId: organizationId ?? null, people, chosen };
};
