import { error } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { m } from '$lib/paraglide/messages';
import { attempt, refuseForm } from '$lib/server/http/form-failure';
import { RsvpResponseInput } from '$lib/server/links/personal-link.input';
import {
	findPersonalAgenda,
	resolvePersonalLink,
	respondToInvitation
} from '$lib/server/links/personal-link.service';
import { sendPersonalPageHeaders } from '$lib/server/links/personal-page.headers';
import { fieldErrors, formFields } from '$lib/server/validation';
import { findItinerariesOfPerson } from '$lib/server/visits/visit.service';
import type { Actions, PageServerLoad } from './$types';

const NOT_VALID = () => m.link_not_valid();

export const load: PageServerLoad = async ({ params }) => {
	const db = database().db;
	const link = await resolvePersonalLink(db, params.token);
	if (!link) error(404, NOT_VALID());
	const [agenda, visits] = await Promise.all([
		findPersonalAgenda(db, link.personId),
		findItinerariesOfPerson(db, link.personId)
	]);
	if (!agenda) error(404, NOT_VALID());
	return { agenda, visits };
};

export const actions: Actions = {
	/** The holder answers one invitation. The token is checked again here: the page proves nothing. */
	respond: async (event) => {
		sendPersonalPageHeaders(event);
		const db = database().db;
		const link = await resolvePersonalLink(db, event.params.token);
		if (!link) error(404, NOT_VALID());
		const fields = formFields(await event.request.formData(), ['participantId', 'status']);
		const context = {
			form: 'answer' as const,
			values: { participantId: Number(fields.participantId) || null }
		};
		const parsed = RsvpResponseInput.safeParse(fields);
		if (!parsed.success) {
			const errors = fieldErrors(parsed.error);
			return refuseForm(400, errors.status ?? errors.participantId ?? m.link_try_again(), context);
		}
		const { participantId, status } = parsed.data;
		return attempt(context, async () => {
			const answer = await respondToInvitation(db, link.personId, participantId, status, {
				clientAddress: event.getClientAddress()
			});
			return { answered: answer };
		});
	}
};
