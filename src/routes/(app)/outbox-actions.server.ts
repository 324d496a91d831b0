/** The outbox's one form, shared by the office outbox and an event's invitations page. */
import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/access';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { NotFound, RuleViolation } from '$lib/server/errors';
import { retryOutboxMessage } from '$lib/server/mail/outbox.service';
import { positiveId } from '$lib/server/query-params';

export async function retryAction(event: RequestEvent) {
	requireRole(event.locals.user, 'officer');
	const messageId = positiveId(String((await event.request.formData()).get('messageId') ?? ''));
	if (!messageId) return fail(400, { retryError: 'Choose a message to send again.' });
	try {
		await retryOutboxMessage(database().db, actorOf(event), messageId);
	} catch (e) {
		if (e instanceof NotFound) error(404, e.message);
		if (e instanceof RuleViolation) return fail(400, { retryError: e.message });
		throw e;
	}
	return { retried: messageId };
}
