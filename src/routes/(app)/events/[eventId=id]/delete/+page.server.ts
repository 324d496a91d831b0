import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { findEventDeletion } from '$lib/server/events/event-read.service';
import { EventDeleteInput, formVersion } from '$lib/server/events/event.input';
import { deleteEvent } from '$lib/server/events/event.service';
import { attempt, invalidInput, refuseForm } from '$lib/server/http/form-failure';
import { formFields } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const event = await findEventDeletion(database().db, Number(params.eventId));
	if (!event) error(404, m.events_page_not_found());
	return { event };
};

export const actions: Actions = {
	delete: async (event) => {
		const eventId = Number(event.params.eventId);
		const fields = formFields(await event.request.formData(), ['confirm', 'version']);
		const version = formVersion(fields.version ?? '');
		const context = { values: { confirm: fields.confirm ?? '' } };
		const parsed = EventDeleteInput.safeParse(fields);
		if (!parsed.success) return invalidInput(parsed.error, context);
		if (version === null) {
			return refuseForm(400, m.events_delete_no_version(), context);
		}
		return attempt(context, async () => {
			await deleteEvent(database().db, actorOf(event), eventId, version);
			redirect(303, '/events');
		});
	}
};
