/** The words of the outbox's table (src/lib/components/OutboxTable.svelte), for the pages that show it to send. */
import { m } from '../../paraglide/messages.js';
import { defineWords } from '../i18n/words';

export const outboxWords = defineWords({
	mail_outbox_attempt_one: m.mail_outbox_attempt_one,
	mail_outbox_attempts: m.mail_outbox_attempts,
	mail_outbox_deleted: m.mail_outbox_deleted,
	mail_outbox_empty: m.mail_outbox_empty,
	mail_outbox_event: m.mail_outbox_event,
	mail_outbox_kind_cancellation: m.mail_outbox_kind_cancellation,
	mail_outbox_kind_invitation: m.mail_outbox_kind_invitation,
	mail_outbox_kind_proposal_declined: m.mail_outbox_kind_proposal_declined,
	mail_outbox_kind_reminder: m.mail_outbox_kind_reminder,
	mail_outbox_kind_update: m.mail_outbox_kind_update,
	mail_outbox_no_smtp: m.mail_outbox_no_smtp,
	mail_outbox_queued: m.mail_outbox_queued,
	mail_outbox_send_again: m.mail_outbox_send_again,
	mail_outbox_send_again_to: m.mail_outbox_send_again_to,
	mail_outbox_sequence: m.mail_outbox_sequence,
	mail_outbox_status: m.mail_outbox_status,
	mail_outbox_status_failed: m.mail_outbox_status_failed,
	mail_outbox_status_queued: m.mail_outbox_status_queued,
	mail_outbox_status_sending: m.mail_outbox_status_sending,
	mail_outbox_status_sent: m.mail_outbox_status_sent,
	mail_outbox_to: m.mail_outbox_to,
	mail_outbox_what: m.mail_outbox_what
});

export type OutboxWords = ReturnType<typeof outboxWords>;
