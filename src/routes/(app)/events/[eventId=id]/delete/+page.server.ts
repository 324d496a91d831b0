import { error, fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/access';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { NotFound, StaleRecord } from '$lib/server/errors';
import { EventDeleteInput, formVersion } from '$lib/server/events/event.input';
import { deleteEvent, findEventDeletion } from '$lib/server/events/event.service';
import { fieldErrors, formFields } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	requireRole(locals.user, 'officer');
	const event = await findEventDeletion(database().db, Number(params.eventId));
	if (!event) error(404, 'There is no such event.');
	return { event };
};

export const actions: Actions = {
	delete: async (event) => {
		requireRole(event.locals.user, 'officer');
		const eventId = Number(event.params.eventId);
		const fields = formFields(await event.request.formData(), ['confirm', 'version']);
		const version = formVersion(fields.version ?? '');
		const parsed = EventDeleteInput.safeParse(fields);
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error) });
		if (version === null) {
			return fail(400, { errors: { form: 'This form names no version of the event: open it again.' } });
		}
		try {
			await deleteEvent(database().db, actorOf(event), eventId, version);
		} catch (e) {
			if (e instanceof NotFound) error(404, e.message);
			if (e instanceof StaleRecord) return fail(409, { errors: { form: e.message } });
			throw e;
		}
		redirect(303, '/events');
	}
};
