import { error, redirect } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { m } from '$lib/paraglide/messages';
import { database } from '$lib/server/db';
import { attempt } from '$lib/server/http/form-failure';
import {
	dismissInboxInvitation,
	findInboxInvitation,
	importInboxInvitation
} from '$lib/server/inbox/invitation-import.service';
import type { Actions, PageServerLoad } from './$types';
import { defineWords } from '$lib/server/i18n/words';
import { invitationPreviewWords } from '$lib/server/inbox/invitation-preview.words';

/** The page's words, for its load to send. */
const pageWords = defineWords({
	inbox_invitation_back: m.inbox_invitation_back,
	inbox_invitation_dismiss: m.inbox_invitation_dismiss,
	inbox_invitation_from: m.inbox_invitation_from,
	inbox_invitation_imported: m.inbox_invitation_imported,
	inbox_invitation_open_event: m.inbox_invitation_open_event,
	inbox_invitation_problem: m.inbox_invitation_problem,
	inbox_invitation_received: m.inbox_invitation_received,
	inbox_invitation_set_aside: m.inbox_invitation_set_aside,
	inbox_invitation_title: m.inbox_invitation_title,
	inbox_invitation_unknown_sender: m.inbox_invitation_unknown_sender,
	inbox_title: m.inbox_title
});

export const load: PageServerLoad = async (event) => {
	const invitation = await findInboxInvitation(database().db, actorOf(event), Number(event.params.messageId));
	if (!invitation) error(404, m.inbox_invitation_not_found());
	return { invitation, words: { ...invitationPreviewWords(), ...pageWords() } };
};

export const actions: Actions = {
	import: async (event) => {
		const messageId = Number(event.params.messageId);
		return attempt({ form: 'import', values: {} }, async () => {
			const result = await importInboxInvitation(database().db, actorOf(event), messageId);
			redirect(303, `/events/${result.eventId}?imported=${result.action}`);
		});
	},
	dismiss: async (event) => {
		const messageId = Number(event.params.messageId);
		return attempt({ form: 'dismiss', values: {} }, async () => {
			await dismissInboxInvitation(database().db, actorOf(event), messageId);
			redirect(303, '/inbox?show=invitation&invitation=dismissed');
		});
	}
};
