/**
 * Sending by SMTP with nodemailer. SMTP_URL names the server (smtp://user:pass@host:587,
 * smtps://… for TLS from the start); without it nothing is sent and the outbox keeps every message.
 * ORGANIZER_NAME and ORGANIZER_EMAIL are the office that invites: the ORGANIZER of every invitation
 * and the sender of every message. Timeouts: outbox.settings.ts.
 */
import { createHash, randomBytes } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { ItipMethodSent } from '../db/schema';
import { outboxSettings } from './outbox.settings';

/** The office that sends: the sender of every message, and the ORGANIZER of every invitation. */
export interface Organizer {
	name: string;
	email: string;
}

export interface OutgoingMail {
	/** Chosen when the message was queued and the same on every attempt (newMessageId). */
	messageId: string;
	/** The Date header: when the message was queued, also the same on every attempt. */
	date: string;
	toName: string;
	toAddress: string;
	subject: string;
	text: string;
	/** An invitation's iTIP method and calendar; null for plain text (a reminder). */
	method: ItipMethodSent | null;
	ics: string | null;
}

export interface Mailer {
	/**
	 * Hands the message to the SMTP server. Throws what went wrong — for a refusal, an error whose
	 * `responseCode` and `response` are the server's answer — or an AbortError once `signal` aborts, having
	 * dropped the connection.
	 */
	send(mail: OutgoingMail, signal: AbortSignal): Promise<void>;
	close(): void;
}

export function organizerOf(env: Record<string, string | undefined> = process.env): Organizer {
	return {
		name: env.ORGANIZER_NAME?.trim() || 'Protocol Office',
		email: env.ORGANIZER_EMAIL?.trim() || 'protocol@localhost'
	};
}

export function smtpConfigured(env: Record<string, string | undefined> = process.env): boolean {
	return Boolean(env.SMTP_URL?.trim());
}

/** A Message-ID of our own (RFC 5322 §3.6.4): 128 random bits at the organiser's domain. */
export function newMessageId(organizer: Organizer): string {
	const domain = organizer.email.split('@')[1] || 'localhost';
	return `<${randomBytes(16).toString('hex')}@${domain}>`;
}

/** The mailer SMTP_URL describes, or null when it is not set. */
export function createMailer(env: Record<string, string | undefined> = process.env): Mailer | null {
	const url = env.SMTP_URL?.trim();
	if (!url) return null;
	const organizer = organizerOf(env);
	const timeout = outboxSettings(env).smtpTimeoutMs;
	// nodemailer's own defaults wait 2 minutes to connect and 10 on a silent server, far past the lease
	// of a claim (outbox.worker.ts). A new connection per message: a stalled one holds no other.
	const transport: Transporter = nodemailer.createTransport({
		url,
		connectionTimeout: timeout,
		greetingTimeout: timeout,
		socketTimeout: timeout,
		dnsTimeout: timeout,
		// After the server's answer we close; a server that never closes its side is dropped after a second.
		socketCloseTimeout: 1000
	});
	return {
		async send(mail, signal) {
			// icalEvent makes the text/calendar; method=… alternative (the part Outlook and Gmail turn
			// into accept/decline buttons) and attaches the same object as invite.ics. With the Message-ID,
			// the date and the MIME boundaries fixed, every attempt sends the same bytes.
			await transport.sendMail({
				messageId: mail.messageId,
				date: new Date(mail.date),
				baseBoundary: createHash('sha256').update(mail.messageId).digest('hex').slice(0, 16),
				from: { name: organizer.name, address: organizer.email },
				to: { name: mail.toName, address: mail.toAddress },
				subject: mail.subject,
				text: mail.text,
				...(mail.method && mail.ics
					? { icalEvent: { method: mail.method, filename: 'invite.ics', content: mail.ics } }
					: {}),
				signal
			});
		},
		close: () => transport.close()
	};
}
