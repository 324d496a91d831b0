import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/access';
import { listAuditPage } from '$lib/server/audit/audit.service';
import { database } from '$lib/server/db';
import { findEvent } from '$lib/server/events/event.repository';
import { pageRequest } from '$lib/server/pagination';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	requireRole(locals.user, 'officer');
	const db = database().db;
	const eventId = Number(params.eventId);
	const event = await findEvent(db, eventId);
	if (!event) error(404, 'There is no such event.');
	const history = await listAuditPage(db, { eventId }, pageRequest(url, 50, ['instant', 'id']));
	return { event: { id: event.id, title: event.title, timeZone: event.time_zone }, history };
};
