/**
 * What Prometheus scrapes at /metrics (metrics-endpoint.ts): the measures that code across the server
 * records as it goes. A registry of our own, not prom-client's global one, so that a module loaded twice
 * (tests, the dev server reloading) never registers a name twice.
 */
import type { LogEvent } from 'kysely';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry });

const requestDuration = new Histogram({
	name: 'protokol_http_request_duration_seconds',
	help: 'Time to answer a request (until its headers), by method, route id and status class',
	labelNames: ['method', 'route', 'status_class'] as const,
	buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
	registers: [registry]
});

/** What a claimed message came to (outbox.worker.ts): sent, retry, failed, released or lost. */
const outboxSends = new Counter({
	name: 'protokol_outbox_sends_total',
	help: 'Messages the outbox tried to send, by result: sent, retry, failed, released (stopping), lost (claim taken)',
	labelNames: ['result'] as const,
	registers: [registry]
});

const databaseErrors = new Counter({
	name: 'protokol_database_errors_total',
	help: "Queries the database refused or failed, by the driver's error code (SQLite's or PostgreSQL's SQLSTATE)",
	labelNames: ['code'] as const,
	registers: [registry]
});

const databaseQueries = new Counter({
	name: 'protokol_database_queries_total',
	help: 'Queries run against the database, failed ones included',
	registers: [registry]
});

/**
 * `route` is the route id (/events/[eventId=id]), never the path: paths carry ids and, for personal
 * links and feeds, secrets.
 */
export function observeRequest(method: string, route: string | null, status: number, seconds: number) {
	requestDuration.observe(
		{ method, route: route ?? '(none)', status_class: `${Math.floor(status / 100)}xx` },
		seconds
	);
}

export function countOutboxSend(result: string): void {
	outboxSends.inc({ result });
}

/** A driver's error code, kept to a short code-like word so that the label cannot grow without bound. */
function errorCode(error: unknown): string {
	const code = (error as { code?: unknown } | null)?.code;
	return typeof code === 'string' && /^[A-Z0-9_]{1,40}$/i.test(code) ? code : 'unknown';
}

/**
 * Kysely's log hook (db/index.ts): counts every query, and every one that failed, whoever catches the
 * error (a query refused because its client had gone counts under CLIENT_GONE).
 */
export function countDatabaseQuery(event: LogEvent): void {
	databaseQueries.inc();
	if (event.level === 'error') databaseErrors.inc({ code: errorCode(event.error) });
}
