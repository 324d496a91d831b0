import { resolveChosen } from '$lib/server/choosers/chooser.service';
import { database } from '$lib/server/db';
import { listEventsPage } from '$lib/server/events/event-read.service';
import { parseEventListQuery } from '$lib/server/events/event.input';
import { pageRequest } from '$lib/server/pagination';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const { db } = database();
	const params = new URLSearchParams(url.searchParams);
	const chosen = await resolveChosen(db, params, { organization: { kind: 'organization' } });
	const query = parseEventListQuery(params);
	const events = await listEventsPage(
		db,
		{ ...query, now: new Date().toISOString() },
		pageRequest(url, 25, ['instant', 'id'])
	);
	return { query, events, chosen };
};
