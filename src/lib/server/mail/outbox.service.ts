/** The outbox as officers see it: what waits, what went, what failed; and sending a failed message again. */
import type { Kysely } from 'kysely';
import { recordAction, type Actor } from '../audit/audit';
import type { Database } from '../db/schema';
import { NotFound, RuleViolation } from '../errors';
import { toPage, type PageRequest } from '../pagination';
import { smtpConfigured } from './mail.transport';
import {
	countOutboxByStatus,
	findOutboxMessage,
	listOutboxMessages,
	requeueFailedMessage
} from './outbox.repository';
import { toOutboxView, type OutboxPage } from './outbox.view';
import { authorize } from '../auth/authorize';
import { m } from '../../paraglide/messages.js';

/** The outbox, newest first, for the office or one event; with counts per status. */
export async function getOutboxPage(
	db: Kysely<Database>,
	filter: { eventId?: number },
	request: PageRequest
): Promise<OutboxPage> {
	const [rows, counts] = await Promise.all([
		listOutboxMessages(db, filter, request),
		countOutboxByStatus(db, filter.eventId)
	]);
	const page = toPage(rows, request, (row) => [row.id]);
	return {
		messages: { ...page, items: page.items.map(toOutboxView) },
		counts: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])),
		smtpConfigured: smtpConfigured()
	};
}

/** A message that failed for good goes back in the queue. Audited. */
export async function retryOutboxMessage(
	db: Kysely<Database>,
	actor: Actor,
	messageId: number,
	now = new Date()
) {
	authorize(actor, 'officer');
	await db.transaction().execute(async (tx) => {
		const message = await findOutboxMessage(tx, messageId);
		if (!message) throw new NotFound(m.admin_outbox_error_no_message());
		if (!(await requeueFailedMessage(tx, messageId, now.toISOString()))) {
			throw new RuleViolation(m.admin_outbox_error_only_failed());
		}
		await recordAction(tx, actor, {
			action: 'outbox.retry',
			entityType: 'outbox_message',
			entityId: messageId,
			eventId: message.event_id,
			before: { status: message.status, lastError: message.last_error }
		});
	});
}
