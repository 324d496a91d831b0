/**
 * /metrics for Prometheus, behind METRICS_TOKEN (sent as `Authorization: Bearer <token>`). Without the
 * setting it answers 404; a missing or wrong token gets 401. Answered by the hooks (request-log.ts) before
 * sessions, setup and access are looked at: a scraper has none of them.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Gauge } from 'prom-client';
import { database } from '../db';
import { getOutboxBacklog } from '../mail/outbox.repository';
import { logger } from './logger';
import { registry } from './metrics';

export const METRICS_PATH = '/metrics';

// prom-client collects the gauges side by side: one query per scrape answers both. When the database
// does not answer, they read NaN and the rest of the scrape still comes (the error counters among it).
let backlog: Promise<{ waiting: number; oldestDueAgeSeconds: number }> | null = null;

async function queryBacklog() {
	try {
		const { waiting, oldestDueAt } = await getOutboxBacklog(database().db, new Date().toISOString());
		const age = oldestDueAt ? Math.max(0, (Date.now() - Date.parse(oldestDueAt)) / 1000) : 0;
		return { waiting, oldestDueAgeSeconds: age };
	} catch (error) {
		logger.warn({ err: error }, 'metrics: reading the outbox backlog failed');
		return { waiting: NaN, oldestDueAgeSeconds: NaN };
	}
}

function readBacklog() {
	backlog ??= queryBacklog().finally(() => setImmediate(() => (backlog = null)));
	return backlog;
}

new Gauge({
	name: 'protokol_outbox_queue_depth',
	help: 'Messages waiting in the outbox: queued or being sent',
	registers: [registry],
	async collect() {
		this.set((await readBacklog()).waiting);
	}
});

new Gauge({
	name: 'protokol_outbox_oldest_due_age_seconds',
	help: 'How long the longest-due message has waited past its time (0 when none is due)',
	registers: [registry],
	async collect() {
		this.set((await readBacklog()).oldestDueAgeSeconds);
	}
});

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Compared as digests of equal length, in constant time: the answer's timing tells nothing of the token. */
function bearerMatches(request: Request, token: string): boolean {
	const presented = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1] ?? '';
	return timingSafeEqual(digest(presented), digest(token));
}

const plainText = (status: number, text: string, headers: Record<string, string> = {}) =>
	new Response(`${text}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } });

export async function answerMetrics(
	request: Request,
	env: Record<string, string | undefined> = process.env
): Promise<Response> {
	const token = env.METRICS_TOKEN?.trim();
	if (!token) return plainText(404, 'Not found: metrics are off (METRICS_TOKEN is not set).');
	if (!bearerMatches(request, token)) {
		return plainText(401, 'A valid bearer token is required.', {
			'www-authenticate': 'Bearer realm="metrics"'
		});
	}
	return new Response(await registry.metrics(), {
		headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' }
	});
}
