/** What the outbox pages (the office's, and an event's invitations page) receive. */
import { formatShortDateTime } from '../../format/datetime';
import type { OutboxMessageKind } from '../db/schema';
import type { Page } from '../pagination';
import type { OutboxListRow } from './outbox.repository';

export interface OutboxMessageView {
	id: number;
	eventId: number | null;
	eventTitle: string | null;
	toName: string;
	toAddress: string;
	kind: OutboxMessageKind;
	method: string | null;
	sequence: number | null;
	subject: string;
	status: string;
	attempts: number;
	nextAttemptAt: string;
	lastError: string | null;
	createdAt: string;
	sentAt: string | null;
}

export interface OutboxPage {
	messages: Page<OutboxMessageView>;
	counts: Record<string, number>;
	smtpConfigured: boolean;
}

export function toOutboxView(row: OutboxListRow): OutboxMessageView {
	return {
		id: row.id,
		eventId: row.event_id,
		eventTitle: row.event_title,
		toName: row.to_name,
		toAddress: row.to_address,
		kind: row.kind,
		method: row.method,
		sequence: row.sequence,
		subject: row.subject,
		status: row.status,
		attempts: row.attempts,
		nextAttemptAt: row.next_attempt_at,
		lastError: row.last_error,
		createdAt: row.created_at,
		sentAt: row.sent_at
	};
}

/** A message with its times written in one zone ("17 Dec 2021 10:00"): queued, sent, next attempt. */
export type DatedOutboxMessage = OutboxMessageView & {
	written: { created: string; sent: string | null; nextAttempt: string };
};

/**
 * The outbox with its messages' times written in `timeZone` (an event's own, or UTC for the office's),
 * by the load, so that OutboxTable formats no dates.
 */
export function datedOutbox(
	outbox: OutboxPage,
	timeZone: string
): OutboxPage & { messages: Page<DatedOutboxMessage> } {
	const at = (instant: string) => formatShortDateTime(instant, timeZone);
	const items = outbox.messages.items.map((message) => ({
		...message,
		written: {
			created: at(message.createdAt),
			sent: message.sentAt && at(message.sentAt),
			nextAttempt: at(message.nextAttemptAt)
		}
	}));
	return { ...outbox, messages: { ...outbox.messages, items } };
}
