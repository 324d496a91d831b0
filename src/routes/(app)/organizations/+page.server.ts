import { database } from '$lib/server/db';
import { parseOrganizationListQuery } from '$lib/server/organizations/organization.input';
import { listOrganizationsPage } from '$lib/server/organizations/organization.service';
import { pageRequest } from '$lib/server/pagination';
import { listWords } from '$lib/server/i18n/list.words';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const { kind, parentId } = parseOrganizationListQuery(url.searchParams);
	const list = await listOrganizationsPage(database().db, {
		kind,
		parentId,
		page: pageRequest(url, 50, ['text', 'id'])
	});
	return { kind: kind ?? null, parentId: parentId ?? null, ...list, words: listWords() };
};
