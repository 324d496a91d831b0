import { error, redirect } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { formVersion } from '$lib/server/events/event.input';
import { GuestNeedsInput, readGuestNeedsForm } from '$lib/server/guest-needs/guest-needs.input';
import { findGuestNeedsForm, saveGuestNeeds } from '$lib/server/guest-needs/guest-needs.service';
import { attempt, invalidInput } from '$lib/server/http/form-failure';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const form = await findGuestNeedsForm(
		database().db,
		actorOf(event),
		Number(event.params.eventId),
		Number(event.params.participantId)
	);
	if (!form) error(404, m.needs_not_participant());
	return form;
};

export const actions: Actions = {
	save: async (event) => {
		const eventId = Number(event.params.eventId);
		const participantId = Number(event.params.participantId);
		const values = readGuestNeedsForm(await event.request.formData());
		const parsed = GuestNeedsInput.safeParse(values);
		if (!parsed.success) return invalidInput(parsed.error, { values });
		return attempt({ values }, async () => {
			const version = values.version === '' ? null : formVersion(values.version);
			await saveGuestNeeds(database().db, actorOf(event), eventId, participantId, version, parsed.data);
			redirect(303, `/events/${eventId}/needs#guest-${participantId}`);
		});
	}
};
