import { database } from '$lib/server/db';
import { listOrganizationsPage } from '$lib/server/organizations/organization.service';
import { pageRequest } from '$lib/server/pagination';
import { organizationKinds } from '$lib/vocabulary';
import { match as isId } from '../../../params/id';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	// Unknown or malformed filters are dropped, never an error.
	const kind = organizationKinds.values.find((k) => k === url.searchParams.get('kind'));
	const parent = url.searchParams.get('parent') ?? '';
	const parentId = isId(parent) ? Number(parent) : undefined;
	const list = await listOrganizationsPage(database().db, {
		kind,
		parentId,
		page: pageRequest(url, 50, ['text', 'id'])
	});
	return { kind: kind ?? null, parentId: parentId ?? null, ...list };
};
