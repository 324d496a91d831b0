/**
 * How the outbox delivers, from the environment. Every bound is below the lease of a claim, so a live
 * worker records its result before any other may take the message (outbox.worker.ts).
 */
export interface OutboxSettings {
	/** OUTBOX_INTERVAL_MS: how often a worker looks for what is due when it has nothing to do. */
	intervalMs: number;
	/** OUTBOX_CONCURRENCY: messages one process sends at the same time, each on its own connection. */
	concurrency: number;
	/** OUTBOX_SEND_TIMEOUT_MS: the longest one message may take, from connecting to the server's answer. */
	sendTimeoutMs: number;
	/** SMTP_TIMEOUT_MS: each wait on the server — connecting, its greeting, any silence — at most the above. */
	smtpTimeoutMs: number;
	/** How long a claim holds: twice the send timeout, leaving as long again to record the result. */
	leaseMs: number;
	/** OUTBOX_STOP_TIMEOUT_MS: on shutdown, how long sends under way may finish before they are dropped. */
	stopTimeoutMs: number;
	/** OUTBOX_STUCK_AFTER_MS: a message due longer than this and not sent makes readiness fail. */
	stuckAfterMs: number;
}

type Env = Record<string, string | undefined>;

function positive(value: string | undefined, fallback: number): number {
	const n = Number(value);
	return Number.isFinite(n) && n > 0 ? Math.floor(n) : fallback;
}

export function outboxSettings(env: Env = process.env): OutboxSettings {
	const sendTimeoutMs = positive(env.OUTBOX_SEND_TIMEOUT_MS, 30_000);
	return {
		intervalMs: positive(env.OUTBOX_INTERVAL_MS, 5000),
		concurrency: positive(env.OUTBOX_CONCURRENCY, 4),
		sendTimeoutMs,
		smtpTimeoutMs: Math.min(positive(env.SMTP_TIMEOUT_MS, 15_000), sendTimeoutMs),
		leaseMs: 2 * sendTimeoutMs,
		stopTimeoutMs: positive(env.OUTBOX_STOP_TIMEOUT_MS, 5000),
		stuckAfterMs: positive(env.OUTBOX_STUCK_AFTER_MS, 900_000)
	};
}
