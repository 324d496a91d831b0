import { error } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { getOrganizationPage } from '$lib/server/organizations/organization.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const organization = await getOrganizationPage(database().db, Number(params.organizationId));
	if (!organization) error(404, 'No such organisation');
	return { organization };
};
