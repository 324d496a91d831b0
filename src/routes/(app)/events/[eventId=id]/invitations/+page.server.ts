import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { attempt, refuseForm } from '$lib/server/http/form-failure';
import { findInvitationsPage, sendInvitations } from '$lib/server/invitations/invitation.service';
import { pageRequest } from '$lib/server/pagination';
import { positiveId } from '$lib/server/query-params';
import { retryAction } from '../../../outbox-actions.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const view = await findInvitationsPage(database().db, Number(params.eventId), pageRequest(url, 25, ['id']));
	if (!view) error(404, m.events_page_not_found());
	return { view };
};

export const actions: Actions = {
	/** To everyone not invited yet, or (`participantId` ticked) to those chosen, again or for the first time. */
	send: async (event) => {
		const form = await event.request.formData();
		const chosen = form.getAll('participantId').map((value) => positiveId(String(value)));
		const context = { form: 'send' as const, values: {} };
		if (chosen.some((id) => id === undefined))
			return refuseForm(400, m.events_invitations_choose_list(), context);
		const everyoneNew = form.get('to') === 'new';
		if (!everyoneNew && chosen.length === 0) {
			const message = m.events_invitations_tick();
			return refuseForm(400, message, context);
		}
		return attempt(context, async () => {
			const result = await sendInvitations(database().db, actorOf(event), Number(event.params.eventId), {
				participantIds: everyoneNew ? undefined : (chosen as number[])
			});
			return { sent: result };
		});
	},
	retry: retryAction
};
