/**
 * Sending by SMTP with nodemailer. SMTP_URL names the server (smtp://user:pass@host:587,
 * smtps://… for TLS from the start); without it nothing is sent and the outbox keeps every message.
 * ORGANIZER_NAME and ORGANIZER_EMAIL are the office that invites: the ORGANIZER of every invitation
 * and the sender of every message.
 */
import nodemailer, { type Transporter } from 'nodemailer';

/** The office that sends: the sender of every message, and the ORGANIZER of every invitation. */
export interface Organizer {
	name: string;
	email: string;
}

export interface OutgoingMail {
	toName: string;
	toAddress: string;
	subject: string;
	text: string;
	method: 'REQUEST' | 'CANCEL';
	ics: string;
}

export interface Mailer {
	/** Hands the message to the SMTP server; its Message-ID, or a thrown error. */
	send(mail: OutgoingMail): Promise<string | null>;
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

/** The mailer SMTP_URL describes, or null when it is not set. */
export function createMailer(env: Record<string, string | undefined> = process.env): Mailer | null {
	const url = env.SMTP_URL?.trim();
	if (!url) return null;
	const organizer = organizerOf(env);
	const transport: Transporter = nodemailer.createTransport(url);
	return {
		async send(mail) {
			// icalEvent makes the text/calendar; method=… alternative (the part Outlook and Gmail turn
			// into accept/decline buttons) and attaches the same object as invite.ics.
			const info = await transport.sendMail({
				from: { name: organizer.name, address: organizer.email },
				to: { name: mail.toName, address: mail.toAddress },
				subject: mail.subject,
				text: mail.text,
				icalEvent: { method: mail.method, filename: 'invite.ics', content: mail.ics }
			});
			return info.messageId ?? null;
		},
		close: () => transport.close()
	};
}
