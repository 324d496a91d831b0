import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { attempt, refuseForm } from '$lib/server/http/form-failure';
import { findInvitationsPage, sendInvitations } from '$lib/server/invitations/invitation.service';
import { pageRequest } from '$lib/server/pagination';
import { positiveId } from '$lib/server/query-params';
import { retryAction } from '../../../outbox-actions.server';
import { defineWords } from '$lib/server/i18n/words';
import { listWords } from '$lib/server/i18n/list.words';
import { outboxWords } from '$lib/server/mail/outbox.words';
import { datedOutbox } from '$lib/server/mail/outbox.view';
import { writtenWhen } from '$lib/server/events/event.view';
import type { Actions, PageServerLoad } from './$types';

/** The words of the invitations page, for its load to send. */
const pageWords = defineWords({
	events_invitations_accepted: m.events_invitations_accepted,
	events_invitations_answer: m.events_invitations_answer,
	events_invitations_chair: m.events_invitations_chair,
	events_invitations_choose: m.events_invitations_choose,
	events_invitations_declined: m.events_invitations_declined,
	events_invitations_email: m.events_invitations_email,
	events_invitations_failed: m.events_invitations_failed,
	events_invitations_for_information: m.events_invitations_for_information,
	events_invitations_intro: m.events_invitations_intro,
	events_invitations_invitation: m.events_invitations_invitation,
	events_invitations_invite_people: m.events_invitations_invite_people,
	events_invitations_name: m.events_invitations_name,
	events_invitations_no_answer: m.events_invitations_no_answer,
	events_invitations_none: m.events_invitations_none,
	events_invitations_not_in_outbox: m.events_invitations_not_in_outbox,
	events_invitations_not_sent: m.events_invitations_not_sent,
	events_invitations_not_sent_list: m.events_invitations_not_sent_list,
	events_invitations_optional: m.events_invitations_optional,
	events_invitations_queued_one: m.events_invitations_queued_one,
	events_invitations_queued_other: m.events_invitations_queued_other,
	events_invitations_requeued: m.events_invitations_requeued,
	events_invitations_required: m.events_invitations_required,
	events_invitations_role: m.events_invitations_role,
	events_invitations_see_below: m.events_invitations_see_below,
	events_invitations_send_chosen: m.events_invitations_send_chosen,
	events_invitations_send_new: m.events_invitations_send_new,
	events_invitations_send_to: m.events_invitations_send_to,
	events_invitations_sent: m.events_invitations_sent,
	events_invitations_sent_heading: m.events_invitations_sent_heading,
	events_invitations_sequence: m.events_invitations_sequence,
	events_invitations_tentative: m.events_invitations_tentative,
	events_invitations_uid: m.events_invitations_uid,
	events_invitations_waiting: m.events_invitations_waiting,
	events_invitations_who: m.events_invitations_who,
	events_page_invitations: m.events_page_invitations
});

export const load: PageServerLoad = async ({ params, url }) => {
	const view = await findInvitationsPage(database().db, Number(params.eventId), pageRequest(url, 25, ['id']));
	if (!view) error(404, m.events_page_not_found());
	// Its times written here, in the event's zone, so that the page formats no dates.
	const { event, outbox } = view;
	return {
		view: {
			...view,
			event: { ...event, when: writtenWhen(event) },
			outbox: datedOutbox(outbox, event.timeZone)
		},
		words: { ...listWords(), ...outboxWords(), ...pageWords() }
	};
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
