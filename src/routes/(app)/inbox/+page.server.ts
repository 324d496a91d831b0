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
import { defineWords } from '$lib/server/i18n/words';
import { listWords } from '$lib/server/i18n/list.words';

/** The page's words, for its load to send. */
const pageWords = defineWords({
	inbox_accepted: m.inbox_accepted,
	inbox_all: m.inbox_all,
	inbox_declined: m.inbox_declined,
	inbox_dismissed: m.inbox_dismissed,
	inbox_empty: m.inbox_empty,
	inbox_event: m.inbox_event,
	inbox_filter_count: m.inbox_filter_count,
	inbox_from: m.inbox_from,
	inbox_import_link: m.inbox_import_link,
	inbox_intro: m.inbox_intro,
	inbox_look_at_it: m.inbox_look_at_it,
	inbox_no_mailbox: m.inbox_no_mailbox,
	inbox_preview_and_import: m.inbox_preview_and_import,
	inbox_received: m.inbox_received,
	inbox_show: m.inbox_show,
	inbox_title: m.inbox_title,
	inbox_what: m.inbox_what
});

export const load: PageServerLoad = async (event) => {
	const { url } = event;
	return {
		inbox: await getInboxPage(
			database().db,
			actorOf(event),
			inboxFilterOf(url),
			pageRequest(url, 50, ['id']),
			imapConfigured()
		),
		words: { ...listWords(), ...pageWords() }
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
