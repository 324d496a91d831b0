/**
 * Delivers the outbox, so that each message reaches the SMTP server once.
 *
 * - A worker claims what is due (claimDueMessages, safe with several processes on one database) under a
 *   random token, for a lease of twice the send timeout (outbox.settings.ts). Every later change of the
 *   message's status names the token: a worker whose claim was lost records nothing, and says so.
 * - Each message goes on a connection of its own, up to `concurrency` at once, and is dropped when its
 *   deadline (the send timeout) passes, so a stalled server holds only that message, and never past the
 *   lease: a live worker has always recorded its result before another may take the message.
 * - A failure is retried with back-off — 30 s, 1 min, 2 min … at most an hour apart — and after
 *   MAX_ATTEMPTS the message is failed for an officer to see and send again. A recipient or message
 *   the server refuses for good (5xx) fails at once. Either way the server's answer is kept as last_error.
 * - Stopping lets sends under way finish for up to stopTimeoutMs, then drops them and gives their
 *   messages back to the queue, due at once.
 * - A process that died leaves its claims behind. On start a worker gives back at once those of any
 *   process it can see is gone (same host and pid namespace, pid no longer running); any other runs
 *   out with its lease.
 *
 * The one window left: the server took the message and the process died (or the database did not
 * answer) before the result was recorded. The message then goes again, with the same Message-ID, date
 * and bytes, so the receiving systems can recognise the repeat.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, readlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import type { Kysely, Selectable } from 'kysely';
import type { Database, OutboxMessageTable } from '../db/schema';
import { logger, type Logger } from '../observability/logger';
import { countOutboxSend } from '../observability/metrics';
import type { Mailer } from './mail.transport';
import {
	claimDueMessages,
	listClaimHolders,
	markMessageAttemptFailed,
	markMessageSent,
	releaseClaim,
	releaseClaimsOf
} from './outbox.repository';
import { outboxSettings, type OutboxSettings } from './outbox.settings';

export const MAX_ATTEMPTS = 8;
const FIRST_RETRY_MS = 30_000;
const LONGEST_WAIT_MS = 60 * 60_000;
const RECORD_RETRY_MS = 1000;

type Message = Selectable<OutboxMessageTable>;
type Log = Pick<Logger, 'info' | 'warn' | 'error'>;

export function retryDelayMs(attempts: number): number {
	return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_WAIT_MS);
}

/**
 * This process as its claims name it. `pidns` — the boot and the pid namespace — says where its pid
 * means this process: another process with the same pidns can ask whether that pid still runs. Null
 * where the system does not say (not Linux).
 */
export function thisProcess(): { holder: string; pid: number; pidns: string | null } {
	let pidns: string | null = null;
	try {
		const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
		const namespace = readlinkSync('/proc/self/ns/pid').replace(/\D/g, '');
		if (boot && namespace) pidns = `${boot}.${namespace}`;
	} catch {
		pidns = null;
	}
	return { holder: `host=${hostname()} pid=${process.pid} pidns=${pidns ?? '-'}`, pid: process.pid, pidns };
}

function processGone(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return false;
	} catch (error) {
		// EPERM: it runs, as another user.
		return (error as NodeJS.ErrnoException).code === 'ESRCH';
	}
}

/**
 * Whether `holder` (as thisProcess names a process) is another process of this host, seen to have
 * stopped. False when that cannot be told: another host, or a system that does not say.
 */
export function holderHasStopped(holder: string, me = thisProcess()): boolean {
	if (!me.pidns) return false;
	const match = /pid=(\d+) pidns=(\S+)$/.exec(holder);
	if (!match || match[2] !== me.pidns) return false;
	const pid = Number(match[1]);
	return pid !== me.pid && processGone(pid);
}

/** Gives back at once the claims of processes on this host that are no longer running. */
export async function releaseClaimsOfDeadProcesses(db: Kysely<Database>, now: Date, log: Log = logger) {
	const me = thisProcess();
	if (!me.pidns) return 0;
	let released = 0;
	for (const holder of await listClaimHolders(db)) {
		if (!holderHasStopped(holder, me)) continue;
		const n = await releaseClaimsOf(
			db,
			holder,
			now.toISOString(),
			'Interrupted: the process sending it stopped. It goes out again.'
		);
		if (n > 0) log.info(`outbox: ${n} message(s) claimed by ${holder}, which has stopped, are due again`);
		released += n;
	}
	return released;
}

class SendTimedOut extends Error {}
class Stopping extends Error {}

/**
 * The server's answer when there was one ("451 4.3.0 Try again later"), otherwise what went wrong; and
 * whether the server refused this recipient or this message for good. A 5xx anywhere else (at the
 * greeting, to our login or our sender) is about our configuration: retrying sends the messages once
 * it is put right, without an officer sending each again.
 */
function describeFailure(error: unknown): { text: string; permanent: boolean } {
	const e = error as { responseCode?: unknown; response?: unknown; message?: unknown; command?: unknown };
	const code = typeof e?.responseCode === 'number' ? e.responseCode : 0;
	const text = typeof e?.response === 'string' && e.response ? e.response : String(e?.message ?? error);
	const refused = e?.command === 'RCPT TO' || e?.command === 'DATA';
	return { text: text.slice(0, 500), permanent: refused && code >= 500 && code < 600 };
}

type Outcome = 'sent' | 'retry' | 'failed' | 'released' | 'lost';

interface Delivery {
	db: Kysely<Database>;
	mailer: Mailer;
	settings: OutboxSettings;
	clock: () => Date;
	log: Log;
}

/**
 * Runs `record` until it succeeds, retrying while the lease lasts: once the server has the message, a
 * database that is busy or away for a moment must not make it go twice. Throws when the lease is over.
 */
async function recordWithinLease(record: () => Promise<boolean>, message: Message, log: Log) {
	const leaseEnds = Date.parse(message.claimed_until ?? '') || 0;
	for (let attempt = 1; ; attempt++) {
		try {
			return await record();
		} catch (error) {
			if (Date.now() + RECORD_RETRY_MS >= leaseEnds) throw error;
			if (attempt === 1)
				log.warn({ err: error }, `outbox: could not record message ${message.id} yet, retrying`);
			await new Promise((resolve) => setTimeout(resolve, RECORD_RETRY_MS));
		}
	}
}

/**
 * Sends one claimed message within its deadline (or until `abort` says the worker stops) and records the
 * outcome, if the claim is still this worker's.
 */
async function deliverClaimed(
	{ db, mailer, settings, clock, log }: Delivery,
	message: Message,
	token: string,
	abort: AbortController
): Promise<Outcome> {
	const deadline = setTimeout(
		() =>
			abort.abort(
				new SendTimedOut(`No answer from the mail server within ${settings.sendTimeoutMs / 1000} s`)
			),
		settings.sendTimeoutMs
	);
	let outcome: Outcome;
	let record: () => Promise<boolean>;
	try {
		await mailer.send(
			{
				messageId: message.message_id,
				date: message.created_at,
				toName: message.to_name,
				toAddress: message.to_address,
				subject: message.subject,
				text: message.text_body,
				method: message.method,
				ics: message.ics
			},
			abort.signal
		);
		outcome = 'sent';
		record = () => markMessageSent(db, message.id, token, clock().toISOString());
	} catch (error) {
		const reason: unknown = abort.signal.aborted ? abort.signal.reason : error;
		if (reason instanceof Stopping) {
			outcome = 'released';
			record = () => releaseClaim(db, message.id, token, clock().toISOString(), reason.message);
		} else {
			const { text, permanent } = describeFailure(reason);
			const last = permanent || message.attempts >= MAX_ATTEMPTS;
			outcome = last ? 'failed' : 'retry';
			const next = last ? null : new Date(clock().getTime() + retryDelayMs(message.attempts)).toISOString();
			record = () => markMessageAttemptFailed(db, message.id, token, text, next);
		}
	} finally {
		clearTimeout(deadline);
	}
	if (!(await recordWithinLease(record, message, log))) {
		log.warn(
			`outbox: the claim on message ${message.id} (${message.message_id}) was lost before its ` +
				`result (${outcome}) could be recorded; another worker has it`
		);
		countOutboxSend('lost');
		return 'lost';
	}
	countOutboxSend(outcome);
	return outcome;
}

const newToken = () => randomBytes(16).toString('hex');

async function claim(
	db: Kysely<Database>,
	now: Date,
	holder: string,
	settings: OutboxSettings,
	limit: number
) {
	const token = newToken();
	const until = new Date(now.getTime() + settings.leaseMs).toISOString();
	const messages = await claimDueMessages(db, now.toISOString(), { token, by: holder, until }, limit);
	return { token, messages };
}

/**
 * One round, at `now`: claims as many due messages as may be sent at once (settings.concurrency), sends
 * them side by side and records each outcome.
 */
export async function deliverDueMessages(
	db: Kysely<Database>,
	mailer: Mailer,
	now = new Date(),
	settings = outboxSettings()
): Promise<{ sent: number; failed: number }> {
	const delivery: Delivery = { db, mailer, settings, clock: () => now, log: logger };
	const { token, messages } = await claim(db, now, thisProcess().holder, settings, settings.concurrency);
	const outcomes = await Promise.all(
		messages.map((message) => deliverClaimed(delivery, message, token, new AbortController()))
	);
	return {
		sent: outcomes.filter((o) => o === 'sent').length,
		failed: outcomes.filter((o) => o === 'retry' || o === 'failed').length
	};
}

export interface OutboxWorker {
	/**
	 * Takes nothing more; lets sends under way finish for up to settings.stopTimeoutMs, then drops them and
	 * gives their messages back to the queue. Closes the mailer.
	 */
	stop(): Promise<void>;
}

/**
 * Keeps up to settings.concurrency messages on their way: looks for what is due at start, whenever a
 * send ends, and every settings.intervalMs.
 */
export function startOutboxWorker(
	db: Kysely<Database>,
	mailer: Mailer,
	settings: OutboxSettings = outboxSettings(),
	log: Log = logger
): OutboxWorker {
	const { holder } = thisProcess();
	const delivery: Delivery = { db, mailer, settings, clock: () => new Date(), log };
	const sending = new Map<number, { abort: AbortController; done: Promise<void> }>();
	let stopping = false;
	let filling: Promise<void> | null = null;
	let fillAgain = false;

	function launch(message: Message, token: string) {
		const abort = new AbortController();
		const done = deliverClaimed(delivery, message, token, abort)
			.then(() => undefined)
			.catch((error) => log.error({ err: error }, `outbox: recording message ${message.id} failed`))
			.finally(() => {
				sending.delete(message.id);
				fill();
			});
		sending.set(message.id, { abort, done });
	}

	async function fillFreeSlots() {
		while (!stopping && sending.size < settings.concurrency) {
			const free = settings.concurrency - sending.size;
			const { token, messages } = await claim(db, new Date(), holder, settings, free);
			for (const message of messages) launch(message, token);
			if (messages.length < free) return;
		}
	}

	/** One claim at a time per worker; a call while one runs makes it look again afterwards. */
	function fill() {
		if (stopping) return;
		if (filling) {
			fillAgain = true;
			return;
		}
		filling = (async () => {
			do {
				fillAgain = false;
				try {
					await fillFreeSlots();
				} catch (error) {
					log.error({ err: error }, 'outbox: claiming due messages failed');
					return;
				}
			} while (fillAgain && !stopping);
		})().finally(() => (filling = null));
	}

	const started = releaseClaimsOfDeadProcesses(db, new Date(), log)
		.catch((error) => log.error({ err: error }, 'outbox: releasing the claims of stopped processes failed'))
		.then(fill);
	const timer = setInterval(fill, settings.intervalMs);
	timer.unref();

	return {
		async stop() {
			stopping = true;
			clearInterval(timer);
			await started;
			await filling;
			const inFlight = [...sending.values()];
			const dropAll = setTimeout(() => {
				for (const { abort } of inFlight)
					abort.abort(new Stopping('Interrupted: the server stopped while sending. It goes out again.'));
			}, settings.stopTimeoutMs);
			await Promise.all(inFlight.map((s) => s.done));
			clearTimeout(dropAll);
			mailer.close();
		}
	};
}
