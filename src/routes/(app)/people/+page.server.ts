import { database } from '$lib/server/db';
import { listOrganizationOptions } from '$lib/server/organizations/organization.repository';
import { pageRequest } from '$lib/server/pagination';
import { listPeoplePage } from '$lib/server/people/person.service';
import { match as isId } from '../../../params/id';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const { db } = database();
	// An unknown or malformed filter is dropped, never an error.
	const organization = url.searchParams.get('organization') ?? '';
	const organizationId = isId(organization) ? Number(organization) : undefined;
	const [people, organizations] = await Promise.all([
		listPeoplePage(db, { organizationId, page: pageRequest(url, 50, ['text', 'text', 'id']) }),
		listOrganizationOptions(db)
	]);
	return { organizationId: organizationId ?? null, people, organizations };
};
