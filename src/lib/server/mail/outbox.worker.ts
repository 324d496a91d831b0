/**
 * Delivers the outbox. Each round claims what is due (outbox.repository.ts: claimDueMessages, safe
 * with several server processes), hands each message to the SMTP server and records the outcome. A
 * failure is retried with back-off — 30 s, 1 min, 2 min … at most an hour apart — and after
 * MAX_ATTEMPTS the message is marked failed for an officer to see and send again.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { claimDueMessages, markMessageAttemptFailed, markMessageSent } from './outbox.repository';
import type { Mailer } from './mail.transport';

export const MAX_ATTEMPTS = 8;
const FIRST_RETRY_MS = 30_000;
const LONGEST_WAIT_MS = 60 * 60_000;
/** A worker that dies while sending leaves its messages to be taken again after this. */
const LEASE_MS = 5 * 60_000;
const BATCH = 20;

export function retryDelayMs(attempts: number): number {
	return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_WAIT_MS);
}

export async function deliverDueMessages(
	db: Kysely<Database>,
	mailer: Mailer,
	now = new Date()
): Promise<{ sent: number; failed: number }> {
	const claimed = await claimDueMessages(
		db,
		now.toISOString(),
		new Date(now.getTime() + LEASE_MS).toISOString(),
		BATCH
	);
	let sent = 0;
	let failed = 0;
	for (const message of claimed) {
		try {
			const messageId = await mailer.send({
				toName: message.to_name,
				toAddress: message.to_address,
				subject: message.subject,
				text: message.text_body,
				method: message.method,
				ics: message.ics
			});
			await markMessageSent(db, message.id, messageId, now.toISOString());
			sent++;
		} catch (error) {
			failed++;
			const reason = error instanceof Error ? error.message : String(error);
			const next =
				message.attempts >= MAX_ATTEMPTS
					? null
					: new Date(now.getTime() + retryDelayMs(message.attempts)).toISOString();
			await markMessageAttemptFailed(db, message.id, reason.slice(0, 500), next);
		}
	}
	return { sent, failed };
}

/** Delivers every `intervalMs` until stopped; one round at a time. */
export function startOutboxWorker(
	db: Kysely<Database>,
	mailer: Mailer,
	intervalMs: number
): { stop(): void } {
	let running = false;
	const timer = setInterval(async () => {
		if (running) return;
		running = true;
		try {
			// Drain what is due now before waiting again.
			while ((await deliverDueMessages(db, mailer, new Date())).sent === BATCH) {
				/* another batch */
			}
		} catch (error) {
			console.error('[protokol] outbox delivery failed:', error);
		} finally {
			running = false;
		}
	}, intervalMs);
	timer.unref();
	return {
		stop() {
			clearInterval(timer);
			mailer.close();
		}
	};
}
