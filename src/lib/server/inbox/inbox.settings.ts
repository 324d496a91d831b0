/** How the inbox reads the office's mailbox, from the environment (README, "Configuration"). */
export interface InboxSettings {
	host: string;
	port: number;
	/** imaps:// — TLS from the start; imap:// — plain, upgraded by STARTTLS where the server offers it. */
	secure: boolean;
	user: string;
	password: string;
	/** The folder read (the URL's path), INBOX when none is given. */
	folder: string;
	/** How the recorded messages name the mailbox: user@host:port/folder, never the password. */
	mailboxKey: string;
	/** IMAP_PROCESSED_FOLDER: where handled messages go; null: they stay, flagged \Seen and $ProtokolProcessed. */
	processedFolder: string | null;
	/** IMAP_POLL_INTERVAL_MS: how often to look without IDLE's news (and after any, as a safety net). */
	pollIntervalMs: number;
	/** IMAP_MAX_MESSAGE_BYTES: a message up to this size is read whole; a larger one only by its calendar part. */
	maxMessageBytes: number;
	/** IMAP_MAX_ICS_BYTES: a calendar part larger than this is refused unread. */
	maxCalendarBytes: number;
	/** IMAP_TIMEOUT_MS: connecting, greeting and any silence of the server. */
	timeoutMs: number;
}

export const PROCESSED_KEYWORD = '$ProtokolProcessed';

type Env = Record<string, string | undefined>;

function positive(value: string | undefined, fallback: number): number {
	const n = Number(value);
	return Number.isFinite(n) && n > 0 ? Math.floor(n) : fallback;
}

/** The settings IMAP_URL describes, or null when it is not set. Throws on a URL that cannot be one. */
export function inboxSettings(env: Env = process.env): InboxSettings | null {
	const text = env.IMAP_URL?.trim();
	if (!text) return null;
	const url = new URL(text);
	if (url.protocol !== 'imap:' && url.protocol !== 'imaps:') {
		throw new Error(`IMAP_URL must start with imap:// or imaps://, not ${url.protocol}//`);
	}
	const secure = url.protocol === 'imaps:';
	const port = url.port ? Number(url.port) : secure ? 993 : 143;
	const user = decodeURIComponent(url.username);
	const folder = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'INBOX';
	return {
		host: url.hostname,
		port,
		secure,
		user,
		password: decodeURIComponent(url.password),
		folder,
		mailboxKey: `${user}@${url.hostname}:${port}/${folder}`,
		processedFolder: env.IMAP_PROCESSED_FOLDER?.trim() || null,
		pollIntervalMs: positive(env.IMAP_POLL_INTERVAL_MS, 60_000),
		maxMessageBytes: positive(env.IMAP_MAX_MESSAGE_BYTES, 2 * 1024 * 1024),
		maxCalendarBytes: positive(env.IMAP_MAX_ICS_BYTES, 512 * 1024),
		timeoutMs: positive(env.IMAP_TIMEOUT_MS, 30_000)
	};
}

export function imapConfigured(env: Env = process.env): boolean {
	return Boolean(env.IMAP_URL?.trim());
}
