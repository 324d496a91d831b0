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

export const load: PageServerLoad = async (event) => {
	const invitation = await findInboxInvitation(database().db, actorOf(event), Number(event.params.messageId));
	if (!invitation) error(404, m.inbox_invitation_not_found());
	return { invitation };
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
