/**
 * A real SMTP server on loopback (the smtp-server package) that keeps what it receives, parsed by
 * mailparser, with the raw message for checking the MIME structure.
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from './server';

export interface ReceivedMail {
	raw: string;
	parsed: ParsedMail;
	/** The text/calendar alternative, as sent. */
	calendar: string;
	to: string;
}

export interface TestSmtpServer {
	port: number;
	url: string;
	received: ReceivedMail[];
	/** Waits until `count` messages have arrived. */
	waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
	stop(): Promise<void>;
}

export async function startSmtpServer(port?: number): Promise<TestSmtpServer> {
	const received: ReceivedMail[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', async () => {
				const raw = Buffer.concat(chunks).toString('utf8');
				const parsed = await simpleParser(raw);
				const calendarPart = parsed.attachments.find((a) => a.contentType === 'text/calendar' && !a.filename);
				received.push({
					raw,
					parsed,
					calendar: calendarPart?.content.toString('utf8') ?? '',
					to: session.envelope.rcptTo.map((r) => r.address).join(',')
				});
				callback();
			});
		}
	});
	const listenOn = port ?? (await freePort());
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(listenOn, '127.0.0.1', () => resolve());
	});
	return {
		port: listenOn,
		url: `smtp://127.0.0.1:${listenOn}`,
		received,
		async waitFor(count, timeoutMs = 20_000) {
			const until = Date.now() + timeoutMs;
			while (received.length < count) {
				if (Date.now() > until) throw new Error(`${received.length} of ${count} messages arrived`);
				await new Promise((r) => setTimeout(r, 50));
			}
			return received.slice(0, count);
		},
		stop: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
