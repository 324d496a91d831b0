/**
 * Reads the office's mailbox (IMAP_URL) for attendees' answers, so that each is applied once, and for
 * partners' invitations to the office, which wait in the inbox for an officer to import.
 *
 * - It waits on IDLE where the server has it (imapflow falls back to polling where not) and looks every
 *   pollIntervalMs besides; a lost connection is made again after 1 s, 2 s, 4 s … at most a minute.
 * - It looks at the messages not yet marked $ProtokolProcessed. One without a calendar part, or whose
 *   calendar is neither an answer nor an invitation addressed to the office (isInvitationToOffice), is
 *   left alone: not even marked \Seen.
 * - Only the structure is fetched first. A message up to maxMessageBytes is read whole and parsed by
 *   mailparser; a larger one only by its calendar part, so a 15 MB attachment never enters memory.
 * - Each answer is recorded and applied in one transaction, claimed by mailbox, UIDVALIDITY and UID
 *   (inbox.service.ts); only then is it marked \Seen and $ProtokolProcessed (and moved to
 *   IMAP_PROCESSED_FOLDER when set), by the process that recorded it: two that both moved it would
 *   leave two copies. A process that dies in between leaves it unmarked: after MARKING_LEASE_MS the next
 *   one to look finds it recorded and only marks it.
 */
import { ImapFlow, type MessageStructureObject } from 'imapflow';
import { simpleParser, type Attachment } from 'mailparser';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { logger, type Logger } from '../observability/logger';
import {
	ANSWER_METHODS,
	applyItipMessage,
	isInvitationToOffice,
	type ReceivedMessage
} from './inbox.service';
import { PROCESSED_KEYWORD, type InboxSettings } from './inbox.settings';
import { parseItip, UnreadableCalendar } from './itip.parse';

type Log = Pick<Logger, 'info' | 'warn' | 'error'>;

const FIRST_RECONNECT_MS = 1000;
const LONGEST_RECONNECT_MS = 60_000;

const isCalendarType = (type: string | undefined) => type === 'text/calendar' || type === 'application/ics';
const isIcsName = (name: string | undefined) => Boolean(name && /\.ics$/i.test(name));

/**
 * The part that carries the calendar: a text/calendar with its METHOD parameter (Outlook's, Google's and
 * Apple's alternative), else any calendar part or .ics attachment (Google's invite.ics). Null: none.
 */
export function calendarPartOf(root: MessageStructureObject | undefined): MessageStructureObject | null {
	const found: MessageStructureObject[] = [];
	const walk = (node: MessageStructureObject) => {
		if (node.childNodes?.length) node.childNodes.forEach(walk);
		else if (
			isCalendarType(node.type) ||
			isIcsName(node.dispositionParameters?.filename) ||
			isIcsName(node.parameters?.name)
		)
			found.push(node);
	};
	if (root) walk(root);
	return found.find((n) => n.type === 'text/calendar' && n.parameters?.method) ?? found[0] ?? null;
}

function calendarAttachmentOf(attachments: Attachment[]): Attachment | null {
	const calendars = attachments.filter(
		(a) => isCalendarType(a.contentType) || isIcsName(a.filename ?? undefined)
	);
	return calendars.find((a) => a.contentType === 'text/calendar' && !a.filename) ?? calendars[0] ?? null;
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
	return Buffer.concat(chunks).toString('utf8');
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export interface InboxWorker {
	/** Looks no more, lets the message under way finish, and logs out. */
	stop(): Promise<void>;
}

export function startInboxWorker(
	db: Kysely<Database>,
	settings: InboxSettings,
	log: Log = logger,
	clock: () => Date = () => new Date()
): InboxWorker {
	let client: ImapFlow | null = null;
	let uidValidity = 0;
	/** Messages looked at and left alone (not iTIP answers), by UIDVALIDITY:UID, until this process ends. */
	const leftAlone = new Set<string>();
	let stopping = false;
	let scanning: Promise<void> | null = null;
	let scanAgain = false;
	let reconnectTimer: NodeJS.Timeout | null = null;
	let failures = 0;
	let connecting: Promise<void> | null = null;

	/** What one message says, read as little as its size allows; null when it is none of our business. */
	async function read(imap: ImapFlow, uid: number): Promise<ReceivedMessage | null> {
		const range = String(uid);
		const meta = await imap.fetchOne(
			range,
			{ uid: true, size: true, bodyStructure: true, envelope: true },
			{ uid: true }
		);
		if (!meta) return null;
		const part = calendarPartOf(meta.bodyStructure);
		if (!part) return null;
		const base = {
			mailbox: settings.mailboxKey,
			uidValidity,
			uid,
			messageId: meta.envelope?.messageId ?? null,
			from: meta.envelope?.from?.[0]?.address?.toLowerCase() ?? null,
			subject: meta.envelope?.subject ?? null
		};
		let text: string;
		if ((meta.size ?? 0) <= settings.maxMessageBytes) {
			const download = await imap.download(range, undefined, {
				uid: true,
				maxBytes: settings.maxMessageBytes
			});
			if (!download.content) return null;
			const parsed = await simpleParser(download.content);
			const attachment = calendarAttachmentOf(parsed.attachments);
			if (!attachment) return null;
			text = attachment.content.toString('utf8');
			base.from = parsed.from?.value[0]?.address?.toLowerCase() ?? base.from;
			base.messageId = parsed.messageId ?? base.messageId;
		} else if (!part.part || (part.size ?? 0) > settings.maxCalendarBytes) {
			return {
				...base,
				calendar: { unreadable: `The message is too large to read (${megabytes(meta.size ?? 0)}).` }
			};
		} else {
			const download = await imap.download(range, part.part, {
				uid: true,
				maxBytes: settings.maxCalendarBytes
			});
			if (!download.content) return null;
			text = await readStream(download.content);
		}
		try {
			const itip = parseItip(text);
			if (isInvitationToOffice(itip)) return { ...base, calendar: itip, ics: text };
			if (!(ANSWER_METHODS as readonly string[]).includes(itip.method)) return null;
			return { ...base, calendar: itip };
		} catch (error) {
			if (error instanceof UnreadableCalendar) return { ...base, calendar: { unreadable: error.message } };
			throw error;
		}
	}

	async function markProcessed(imap: ImapFlow, uid: number) {
		await imap.messageFlagsAdd(String(uid), ['\\Seen', PROCESSED_KEYWORD], { uid: true });
		if (settings.processedFolder) {
			// Another process may have moved it already: it is then simply not here.
			await imap.messageMove(String(uid), settings.processedFolder, { uid: true }).catch((error: unknown) => {
				log.warn({ err: error }, `inbox: moving message ${uid} to ${settings.processedFolder} failed`);
			});
		}
	}

	/** One message: read, recorded and applied, then marked; false when it is left alone. */
	async function handle(imap: ImapFlow, uid: number): Promise<boolean> {
		const message = await read(imap, uid);
		if (!message) return false;
		const { outcome, mark } = await applyItipMessage(db, message, clock());
		if (outcome !== 'handled before') {
			log.info(
				`inbox: message ${uid} (${message.messageId ?? 'no Message-ID'}) from ${message.from}: ${outcome}`
			);
		}
		if (mark) await markProcessed(imap, uid);
		return true;
	}

	async function scanOnce(imap: ImapFlow) {
		const uids = (await imap.search({ unKeyword: PROCESSED_KEYWORD }, { uid: true })) || [];
		for (const uid of uids) {
			if (stopping || !imap.usable) return;
			const key = `${uidValidity}:${uid}`;
			if (leftAlone.has(key)) continue;
			try {
				if (!(await handle(imap, uid))) leftAlone.add(key);
			} catch (error) {
				// One message that cannot be handled now (the database away, say) holds up no other; it is
				// looked at again on the next pass.
				log.error({ err: error }, `inbox: message ${uid} could not be handled; trying again later`);
			}
		}
	}

	/** One scan at a time; a call while one runs makes it look again afterwards. */
	function scan() {
		if (stopping || !client) return;
		if (scanning) {
			scanAgain = true;
			return;
		}
		const imap = client;
		scanning = (async () => {
			do {
				scanAgain = false;
				try {
					await scanOnce(imap);
				} catch (error) {
					log.error({ err: error }, 'inbox: reading the mailbox failed');
					return;
				}
			} while (scanAgain && !stopping);
		})().finally(() => (scanning = null));
	}

	function reconnectLater() {
		if (stopping || reconnectTimer) return;
		const delay = Math.min(FIRST_RECONNECT_MS * 2 ** failures, LONGEST_RECONNECT_MS);
		failures++;
		reconnectTimer = setTimeout(() => {
			reconnectTimer = null;
			connecting = connect();
		}, delay);
		reconnectTimer.unref();
	}

	async function connect() {
		const imap = new ImapFlow({
			host: settings.host,
			port: settings.port,
			secure: settings.secure,
			auth: { user: settings.user, pass: settings.password },
			logger: false,
			connectionTimeout: settings.timeoutMs,
			greetingTimeout: settings.timeoutMs,
			socketTimeout: Math.max(settings.timeoutMs, 5 * 60_000),
			// IDLE soon after each scan, so a new message is seen within moments; without IDLE, poll.
			autoIdleDelay: 1000,
			missingIdleCommand: 'NOOP',
			maxIdleTime: settings.pollIntervalMs
		});
		imap.on('error', (error: unknown) => log.warn({ err: error }, 'inbox: IMAP connection error'));
		imap.on('exists', () => scan());
		imap.on('close', () => {
			if (client === imap) client = null;
			if (!stopping) {
				log.warn('inbox: the IMAP connection closed; connecting again');
				reconnectLater();
			}
		});
		try {
			await imap.connect();
			if (settings.processedFolder) {
				await imap.mailboxCreate(settings.processedFolder).catch(() => undefined);
			}
			const mailbox = await imap.mailboxOpen(settings.folder);
			if (stopping) {
				await imap.logout().catch(() => undefined);
				return;
			}
			uidValidity = Number(mailbox.uidValidity);
			client = imap;
			failures = 0;
			log.info(`inbox: reading ${settings.mailboxKey}`);
			scan();
		} catch (error) {
			log.error({ err: error }, `inbox: cannot read ${settings.mailboxKey}`);
			imap.close();
			reconnectLater();
		}
	}

	connecting = connect();
	const poll = setInterval(scan, settings.pollIntervalMs);
	poll.unref();

	return {
		async stop() {
			stopping = true;
			clearInterval(poll);
			if (reconnectTimer) clearTimeout(reconnectTimer);
			await connecting;
			await scanning;
			const imap = client;
			client = null;
			if (imap) {
				const closed = setTimeout(() => imap.close(), 2000);
				await imap.logout().catch(() => imap.close());
				clearTimeout(closed);
			}
		}
	};
}
