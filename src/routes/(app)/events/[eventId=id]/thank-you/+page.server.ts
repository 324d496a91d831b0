import { error, redirect } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { ThankYouDraftInput, readThankYouDraftForm } from '$lib/server/correspondence/thank-you.input';
import { draftThankYouLetters, getThankYouLetters } from '$lib/server/correspondence/thank-you.service';
import { database } from '$lib/server/db';
import { NotFound } from '$lib/server/errors';
import { attempt, invalidInput } from '$lib/server/http/form-failure';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	try {
		return { letters: await getThankYouLetters(database().db, actorOf(event), Number(event.params.eventId)) };
	} catch (e) {
		if (e instanceof NotFound) error(404, e.message);
		throw e;
	}
};

export const actions: Actions = {
	/** Drafts the letters to the people ticked; those with a letter from this event already get none. */
	draft: async (event) => {
		const eventId = Number(event.params.eventId);
		const values = readThankYouDraftForm(await event.request.formData());
		const context = { form: 'draft' as const, values };
		const parsed = ThankYouDraftInput.safeParse(values);
		if (!parsed.success) return invalidInput(parsed.error, context);
		return attempt(context, async () => {
			const { created } = await draftThankYouLetters(
				database().db,
				actorOf(event),
				eventId,
				parsed.data.addressees
			);
			redirect(303, `/events/${eventId}/thank-you?drafted=${created.length}`);
		});
	}
};
