import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/access';
import { findEventHistory } from '$lib/server/audit/audit.service';
import { database } from '$lib/server/db';
import { pageRequest } from '$lib/server/pagination';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	requireRole(locals.user, 'officer');
	const page = await findEventHistory(
		database().db,
		Number(params.eventId),
		pageRequest(url, 50, ['instant', 'id'])
	);
	if (!page) error(404, 'There is no such event.');
	return page;
};
