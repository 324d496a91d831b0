import { redirect, type RequestEvent } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { m } from '$lib/paraglide/messages';
import { database } from '$lib/server/db';
import { attempt, refuseForm } from '$lib/server/http/form-failure';
import { inboxFilterOf, proposalFormOf } from '$lib/server/inbox/inbox.input';
import { acceptProposal, declineProposal, getInboxPage } from '$lib/server/inbox/inbox.service';
import { imapConfigured } from '$lib/server/inbox/inbox.settings';
import { pageRequest } from '$lib/server/pagination';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { url } = event;
	return {
		inbox: await getInboxPage(
			database().db,
			actorOf(event),
			inboxFilterOf(url),
			pageRequest(url, 50, ['id']),
			imapConfigured()
		)
	};
};

/** Accepting or declining a proposed time, from the inbox or from the event's page (`back`). */
async function decide(event: RequestEvent, decision: 'accept' | 'decline') {
	const { proposalId, back } = proposalFormOf(await event.request.formData());
	const context = { form: decision, values: { proposalId: proposalId ?? null } };
	if (!proposalId) return refuseForm(400, m.inbox_error_choose_proposal(), context);
	return attempt(context, async () => {
		const decideOn = decision === 'accept' ? acceptProposal : declineProposal;
		await decideOn(database().db, actorOf(event), proposalId);
		redirect(
			303,
			`${back}${back.includes('?') ? '&' : '?'}proposal=${decision === 'accept' ? 'accepted' : 'declined'}`
		);
	});
}

export const actions: Actions = {
	accept: (event) => decide(event, 'accept'),
	decline: (event) => decide(event, 'decline')
};
