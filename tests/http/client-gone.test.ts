/**
 * A request whose client has gone does not go on to run its queries: the client sends a request for an
 * event page (about fifteen queries with its session and access checks) and closes the connection at
 * once; the server counts the queries it ran (/metrics), refuses the next one, logs the request as 499
 * and logs no error. Were the queries not refused, the closed request would run as many as a whole page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { demoEventId } from '../helpers/demo-records';
import { withDatabase } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';

const METRICS_TOKEN = 'client-gone-metrics-token';
const ROUTE = '/(app)/events/[eventId=id]';

let dir: string;
let server: RunningServer;
let cookie: string;
let eventId: number;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-http-'));
	const databaseUrl = join(dir, 'protokol.db');
	server = await startServer({ databaseUrl, env: { METRICS_TOKEN, LOG_LEVEL: 'debug' } });
	cookie = await signInOverHttp(server, await addUser(databaseUrl, 'viewer'));
	eventId = await withDatabase(databaseUrl, (db) => demoEventId(db, 'International Migrants Day 2021'));
});
afterAll(async () => {
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

async function metric(line: RegExp): Promise<number> {
	const response = await fetch(`${server.url}/metrics`, {
		headers: { authorization: `Bearer ${METRICS_TOKEN}` }
	});
	const text = await response.text();
	return Number(line.exec(text)?.[1] ?? 0);
}
const queriesRun = () => metric(/^protokol_database_queries_total (\d+)/m);
const queriesRefused = () => metric(/^protokol_database_errors_total\{code="CLIENT_GONE"\} (\d+)/m);

const accessLines = (status: number) =>
	server
		.output()
		.split('\n')
		.filter((line) => line.includes('"msg":"request"') && line.includes(`"route":"${ROUTE}"`))
		.filter((line) => line.includes(`"status":${status}`)).length;

/** Sends the request for the event page and closes the connection without waiting for the answer. */
function requestAndHangUp(): Promise<void> {
	const { hostname, port } = new URL(server.url);
	return new Promise((resolve, reject) => {
		const socket = connect(Number(port), hostname, () => {
			socket.write(
				`GET /events/${eventId} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nCookie: ${cookie}\r\n\r\n`,
				() => {
					socket.destroy();
					resolve();
				}
			);
		});
		socket.on('error', reject);
	});
}

async function until(condition: () => boolean, what: string): Promise<void> {
	for (let waited = 0; !condition(); waited += 20) {
		if (waited > 10_000) throw new Error(`waited 10 s for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

test('a page whose client hangs up runs no further queries, ends as 499 and logs no error', async () => {
	// What a whole event page costs, its /metrics scrape included (the scrape itself runs a query).
	const before = await queriesRun();
	const page = await fetch(`${server.url}/events/${eventId}`, { headers: { cookie } });
	expect(page.status).toBe(200);
	await page.text();
	const wholePage = (await queriesRun()) - before;
	expect(wholePage).toBeGreaterThanOrEqual(10);

	const refusedBefore = await queriesRefused();
	const runBefore = await queriesRun();
	await requestAndHangUp();
	await until(() => accessLines(499) === 1, 'the closed request to be logged');
	// A refused query counts among the queries (as a failed one) and under CLIENT_GONE.
	const refused = (await queriesRefused()) - refusedBefore;
	const ranForClosed = (await queriesRun()) - runBefore - refused;
	expect(refused).toBeGreaterThan(0);
	expect(ranForClosed).toBeLessThan(wholePage / 2);

	const output = server.output();
	expect(output).toContain('the client has gone');
	expect(output).not.toContain('"level":"error"');
	expect(accessLines(500)).toBe(0);
});
