import { error, redirect } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { findEventPage } from '$lib/server/events/event-read.service';
import { listWaitingProposals } from '$lib/server/inbox/inbox.service';
import { attempt, invalidInput } from '$lib/server/http/form-failure';
import { CarryOverInput } from '$lib/server/outcomes/outcome.input';
import { carryActionPoints } from '$lib/server/outcomes/outcome-thread.service';
import { formFields } from '$lib/server/validation';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (request) => {
	const { params, locals } = request;
	const officer = locals.user !== null && locals.user.role !== 'viewer';
	const eventId = Number(params.eventId);
	const [event, proposals] = await Promise.all([
		findEventPage(database().db, eventId, { carryOffers: officer }),
		// New times attendees proposed by e-mail (src/lib/server/inbox), for officers to decide on.
		listWaitingProposals(database().db, actorOf(request), eventId)
	]);
	if (!event) error(404, m.events_page_not_found());
	return { event, proposals };
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
