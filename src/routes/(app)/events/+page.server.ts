import { database } from '$lib/server/db';
import { listEventsPage } from '$lib/server/events/event-read.service';
import { parseEventListQuery } from '$lib/server/events/event.input';
import { listOrganizationFilterOptions } from '$lib/server/organizations/organization.service';
import { pageRequest } from '$lib/server/pagination';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const { db } = database();
	const query = parseEventListQuery(url.searchParams);
	const [events, organizations] = await Promise.all([
		listEventsPage(db, { ...query, now: new Date().toISOString() }, pageRequest(url, 25, ['instant', 'id'])),
		listOrganizationFilterOptions(db)
	]);
	return { query, events, organizations };
};
