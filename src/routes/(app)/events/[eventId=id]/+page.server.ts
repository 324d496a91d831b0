import { error, redirect } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { findEventPage } from '$lib/server/events/event-read.service';
import { attempt, invalidInput } from '$lib/server/http/form-failure';
import { CarryOverInput } from '$lib/server/outcomes/outcome.input';
import { carryActionPoints } from '$lib/server/outcomes/outcome-thread.service';
import { formFields } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const officer = locals.user !== null && locals.user.role !== 'viewer';
	const event = await findEventPage(database().db, Number(params.eventId), { carryOffers: officer });
	if (!event) error(404, 'There is no such event.');
	return { event };
};

export const actions: Actions = {
	/** Open action points with the meeting's hosts carried over to it: one, or all those offered. */
	carry: async (event) => {
		const fields = formFields(await event.request.formData(), ['outcomeIds']);
		const context = { form: 'carry' as const, values: { outcomeIds: fields.outcomeIds ?? '' } };
		const parsed = CarryOverInput.safeParse(fields);
		if (!parsed.success) return invalidInput(parsed.error, context);
		const eventId = Number(event.params.eventId);
		return attempt(context, async () => {
			await carryActionPoints(database().db, actorOf(event), eventId, parsed.data.outcomeIds);
			redirect(303, `/events/${eventId}?carried=${parsed.data.outcomeIds.length}#outcomes-heading`);
		});
	}
};
