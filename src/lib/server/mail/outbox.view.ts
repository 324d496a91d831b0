/** What the outbox pages (the office's, and an event's invitations page) receive. */
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
