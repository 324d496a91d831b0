/**
 * An SMTP server of the tests' own (smtp-server, on loopback) that misbehaves on request and counts
 * what it delivered by Message-ID: the receiving end that says whether a message arrived once.
 *
 * A message counts as delivered when the server answers 250 to its DATA. One it takes in full but never
 * answers ("stall") is kept apart as unanswered: whether it would have been delivered is exactly what the
 * sender cannot know.
 */
import type { Socket } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { freePort } from './server';

export type PeerBehaviour =
	/** Takes the message; `beforeAnswer` runs between taking it and answering 250. */
	| { kind: 'accept'; beforeAnswer?: () => Promise<void> }
	/** Takes the whole message and never answers. */
	| { kind: 'stall' }
	/** Answers every step after the recipient is named (RCPT, DATA) `delayMs` late. */
	| { kind: 'slow'; delayMs: number }
	/** Drops the connection half-way through the message. */
	| { kind: 'drop' }
	/** Refuses at RCPT (a 5xx there is "no such user") or at the end of DATA. */
	| { kind: 'refuse'; at: 'rcpt' | 'data'; code: number; text: string };

export interface Attempt {
	recipient: string;
	/** 1 for the first time this recipient is tried, and so on. */
	number: number;
}

export interface SmtpPeer {
	url: string;
	/** Deliveries by Message-ID: how many times the server answered 250 to that message. */
	deliveries: Map<string, number>;
	/** Every message taken, delivered or not, as its raw bytes, by Message-ID. */
	received: Map<string, string[]>;
	/** When each delivery was answered (ms since the epoch), by Message-ID. */
	deliveredAt: Map<string, number[]>;
	/** Connections that ended, delivered or not. */
	closed(): number;
	/** Resolves once `check()` holds, polling; fails after `timeoutMs`. */
	until(check: () => boolean, what: string, timeoutMs?: number): Promise<void>;
	stop(): Promise<void>;
}

const messageIdOf = (raw: string) => /^Message-ID:\s*(<[^>\r\n]+>)/im.exec(raw)?.[1] ?? '(none)';

function smtpError(code: number, text: string) {
	return Object.assign(new Error(text), { responseCode: code });
}

/**
 * `behave` decides, for each attempt at a recipient, how the server treats it; by default every message
 * is accepted. The greeting, before any recipient is known, comes `greetingDelayMs` late.
 */
export async function startSmtpPeer(
	behave: (attempt: Attempt) => PeerBehaviour = () => ({ kind: 'accept' }),
	options: { greetingDelayMs?: number } = {}
): Promise<SmtpPeer> {
	const deliveries = new Map<string, number>();
	const received = new Map<string, string[]>();
	const deliveredAt = new Map<string, number[]>();
	const tries = new Map<string, number>();
	const behaviourOf = new Map<string, PeerBehaviour>();
	let closed = 0;
	const gone = new Set<string>();
	const later = (session: SMTPServerSession, then: () => void) => {
		const behaviour = behaviourOf.get(session.id);
		if (behaviour?.kind === 'slow') setTimeout(then, behaviour.delayMs);
		else then();
	};
	const server: SMTPServer = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		closeTimeout: 200,
		onConnect(_session, callback) {
			setTimeout(callback, options.greetingDelayMs ?? 0);
		},
		onMailFrom(_address, session, callback) {
			later(session, callback);
		},
		onRcptTo(address, session, callback) {
			const recipient = address.address;
			const number = (tries.get(recipient) ?? 0) + 1;
			tries.set(recipient, number);
			const behaviour = behave({ recipient, number });
			behaviourOf.set(session.id, behaviour);
			if (behaviour.kind === 'refuse' && behaviour.at === 'rcpt') {
				return callback(smtpError(behaviour.code, behaviour.text));
			}
			later(session, callback);
		},
		onData(stream, session, callback) {
			const behaviour = behaviourOf.get(session.id) ?? { kind: 'accept' };
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => {
				chunks.push(chunk);
				if (behaviour.kind === 'drop' && chunks.length === 1) socketOf(server, session.id)?.destroy();
			});
			stream.on('end', async () => {
				const raw = Buffer.concat(chunks).toString('utf8');
				const id = messageIdOf(raw);
				received.set(id, [...(received.get(id) ?? []), raw]);
				if (behaviour.kind === 'stall' || behaviour.kind === 'drop') return;
				if (behaviour.kind === 'refuse') return callback(smtpError(behaviour.code, behaviour.text));
				if (behaviour.kind === 'accept') await behaviour.beforeAnswer?.();
				later(session, () => {
					// A server that answers a client already gone has not told it anything.
					if (gone.has(session.id)) return;
					deliveries.set(id, (deliveries.get(id) ?? 0) + 1);
					deliveredAt.set(id, [...(deliveredAt.get(id) ?? []), Date.now()]);
					callback();
				});
			});
		},
		onClose(session) {
			gone.add(session.id);
			closed++;
		}
	});
	const port = await freePort();
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve());
	});
	return {
		url: `smtp://127.0.0.1:${port}`,
		deliveries,
		received,
		deliveredAt,
		closed: () => closed,
		async until(check, what, timeoutMs = 15_000) {
			const deadline = Date.now() + timeoutMs;
			while (!check()) {
				if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
				await new Promise((resolve) => setTimeout(resolve, 20));
			}
		},
		stop: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

/** smtp-server gives handlers the session, not the socket; "drop" needs the socket to cut it. */
function socketOf(server: SMTPServer, sessionId: string): Socket | undefined {
	const connections = (server as unknown as { connections: Set<{ id: string; _socket: Socket }> })
		.connections;
	for (const connection of connections) if (connection.id === sessionId) return connection._socket;
	return undefined;
}
