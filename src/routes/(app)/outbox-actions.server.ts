/** The outbox's one form, shared by the office outbox and an event's invitations page. */
import { m } from '$lib/paraglide/messages';
import type { RequestEvent } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { attempt, refuseForm } from '$lib/server/http/form-failure';
import { retryOutboxMessage } from '$lib/server/mail/outbox.service';
import { positiveId } from '$lib/server/query-params';

export async function retryAction(event: RequestEvent) {
	const messageId = positiveId(String((await event.request.formData()).get('messageId') ?? ''));
	const context = { form: 'retry' as const, values: {} };
	if (!messageId) return refuseForm(400, m.admin_outbox_error_no_message(), context);
	return attempt(context, async () => {
		await retryOutboxMessage(database().db, actorOf(event), messageId);
		return { retried: messageId };
	});
}
