/**
 * What an operator reads, through the built server: its output is JSON lines, each request leaves one
 * access line under its id (echoed in X-Request-Id) with the route id, status, duration and user; an
 * unexpected error is logged with its cause and the person sees the id to quote; /metrics is off without
 * METRICS_TOKEN and behind it otherwise, with request durations by route, the outbox gauges and sends;
 * and after a journey with every kind of secret — password, session cookie, second factor, personal
 * link, feed, metrics token — none of them is anywhere in the output.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { codeAt } from '$lib/server/auth/totp';
import { openDatabase, type DatabaseHandle } from '$lib/server/db/connection';
import { addUser, signInOverHttp, TEST_PASSWORD } from '../helpers/accounts';
import { insertEvent, insertPerson } from '../helpers/factories';
import { postForm } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp';

type LogEntry = Record<string, unknown> & { level: string; time: string; msg: string };

const METRICS_TOKEN = randomBytes(24).toString('hex');

let dir: string;
let databaseUrl: string;
let server: RunningServer;
let smtp: TestSmtpServer;
let database: DatabaseHandle;
let officer: string;
let officerId: number;
let guestId: number;
let eventId: number;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-logs-'));
	databaseUrl = join(dir, 'protokol.db');
	smtp = await startSmtpServer();
	server = await startServer({
		databaseUrl,
		env: { METRICS_TOKEN, SMTP_URL: smtp.url, OUTBOX_INTERVAL_MS: '200' }
	});
	const email = await addUser(databaseUrl, 'officer');
	officer = await signInOverHttp(server, email);
	database = openDatabase(databaseUrl);
	const { db } = database;
	officerId = (
		await db.selectFrom('user_account').select('id').where('email', '=', email).executeTakeFirstOrThrow()
	).id;
	// Someone to invite, link and subscribe, to an event still to come.
	const start = new Date(Date.now() + 14 * 24 * 60 * 60 * 1000);
	const event = await insertEvent(db, {
		title: 'Consultation on Labour Migration',
		status: 'confirmed',
		start_at: start.toISOString(),
		end_at: new Date(start.getTime() + 2 * 60 * 60 * 1000).toISOString()
	});
	const guest = await insertPerson(db, {
		given_name: 'Leyla',
		family_name: 'Aliyeva',
		email: 'leyla.aliyeva@guests.example'
	});
	guestId = guest.id;
	const now = new Date().toISOString();
	await db
		.insertInto('event_participant')
		.values({ event_id: event.id, person_id: guest.id, role: 'speaker', created_at: now, updated_at: now })
		.execute();
	eventId = event.id;
});
afterAll(async () => {
	await database?.close();
	await server?.stop();
	await smtp?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Every line the server has written, parsed; a line that is not a JSON object fails the test, named. */
function logEntries(): LogEntry[] {
	return server
		.output()
		.split('\n')
		.filter((line) => line.trim() !== '')
		.map((line) => {
			let entry: unknown;
			try {
				entry = JSON.parse(line);
			} catch {
				throw new Error(`not a JSON line: ${line}`);
			}
			expect(entry, line).toMatchObject({
				level: expect.any(String),
				time: expect.any(String),
				msg: expect.any(String)
			});
			return entry as LogEntry;
		});
}

const linesOf = (reqId: string) => logEntries().filter((entry) => entry.reqId === reqId);

/** The access line of the request with this id, once the server has written it. */
async function accessLineOf(reqId: string): Promise<LogEntry> {
	await expect.poll(() => linesOf(reqId).filter((entry) => entry.msg === 'request').length).toBe(1);
	return linesOf(reqId).find((entry) => entry.msg === 'request')!;
}

const post = (path: string, fields: Record<string, string>, cookie?: string) =>
	postForm(server, path, fields, cookie ? { cookie } : {});

const get = (path: string, headers: Record<string, string> = {}) =>
	fetch(path.startsWith('http') ? path : `${server.url}${path}`, { redirect: 'manual', headers });

const scrape = (authorization?: string) => get('/metrics', authorization ? { authorization } : {});

describe('the log', () => {
	test('is JSON lines with level, time and message, from start to the last request', async () => {
		await get('/healthz');
		const entries = logEntries();
		expect(entries.map((entry) => entry.msg)).toContain(
			'listening on http://localhost:' + new URL(server.url).port
		);
		expect(entries.every((entry) => !Number.isNaN(Date.parse(entry.time)))).toBe(true);
	});

	test('has one access line per request, under the id echoed in X-Request-Id, with route id and user', async () => {
		const response = await get(`/events/${eventId}`, { cookie: officer, 'x-request-id': 'proxy-7f3a.1' });
		expect(response.status).toBe(200);
		expect(response.headers.get('x-request-id')).toBe('proxy-7f3a.1');
		expect(await accessLineOf('proxy-7f3a.1')).toMatchObject({
			level: 'info',
			method: 'GET',
			route: '/(app)/events/[eventId=id]',
			status: 200,
			durationMs: expect.any(Number),
			userId: officerId
		});
	});

	test('gives a request its own id when the one it brings is not a short plain token', async () => {
		for (const offered of ['two words', 'x'.repeat(65), 'id"},{"level":"fatal']) {
			const response = await get('/login', { 'x-request-id': offered });
			const reqId = response.headers.get('x-request-id')!;
			expect(reqId).toMatch(/^[0-9a-f]{16}$/);
			expect(await accessLineOf(reqId)).toMatchObject({
				route: '/(public)/login',
				status: 200,
				userId: null
			});
		}
	});

	test('records an unexpected error with its cause; the person sees only the reference to quote', async () => {
		// A table gone from under the running server (a half-restored backup, a mistaken hand on the
		// database): a real fault, with no code of the test's inside the server.
		await database.db.schema.alterTable('venue').renameTo('venue_away').execute();
		const response = await get('/venues', { cookie: officer }).finally(() =>
			database.db.schema.alterTable('venue_away').renameTo('venue').execute()
		);
		const html = await response.text();
		expect(response.status).toBe(500);
		const reqId = response.headers.get('x-request-id')!;
		expect(html).toContain(`quote the reference ${reqId}`);
		expect(html).not.toContain('no such table');

		await accessLineOf(reqId);
		const error = linesOf(reqId).find((entry) => entry.msg === 'unexpected error');
		expect(error).toMatchObject({
			level: 'error',
			route: '/(app)/venues',
			status: 500,
			err: {
				type: 'SqliteError',
				message: expect.stringContaining('no such table: venue'),
				code: 'SQLITE_ERROR',
				stack: expect.stringContaining('SqliteError')
			}
		});
		expect(await accessLineOf(reqId)).toMatchObject({ level: 'error', status: 500, userId: officerId });
	});
});

describe('/metrics', () => {
	test('answers 401 without the bearer token or with a wrong one', async () => {
		expect((await scrape()).status).toBe(401);
		expect((await scrape(`Bearer ${METRICS_TOKEN.slice(1)}x`)).status).toBe(401);
		expect((await scrape(METRICS_TOKEN)).status).toBe(401);
	});

	test('measures requests by route id and status class, and counts database errors by code', async () => {
		const response = await scrape(`Bearer ${METRICS_TOKEN}`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
		const text = await response.text();
		expect(text).toMatch(
			/^protokol_http_request_duration_seconds_count\{method="GET",route="\/\(app\)\/events\/\[eventId=id\]",status_class="2xx"\} [1-9]/m
		);
		expect(text).toMatch(
			/^protokol_http_request_duration_seconds_count\{method="GET",route="\/\(app\)\/venues",status_class="5xx"\} 1$/m
		);
		expect(text).toMatch(/^protokol_database_errors_total\{code="SQLITE_ERROR"\} [1-9]/m);
		expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
		expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
	});

	test('shows the outbox: what waits, how late the oldest is, and each send by result', async () => {
		const before = await (await scrape(`Bearer ${METRICS_TOKEN}`)).text();
		expect(before).toMatch(/^protokol_outbox_queue_depth 0$/m);
		expect(before).toMatch(/^protokol_outbox_oldest_due_age_seconds 0$/m);

		const sent = await post(`/events/${eventId}/invitations?/send`, { to: 'new' }, officer);
		expect(sent.status).toBe(200);
		await smtp.waitFor(1);
		await expect
			.poll(async () =>
				(await (await scrape(`Bearer ${METRICS_TOKEN}`)).text()).match(/^protokol_outbox_sends_total.*$/gm)
			)
			.toEqual(['protokol_outbox_sends_total{result="sent"} 1']);

		// Waiting for a retry in an hour: in the queue, not yet due. (A message overdue is read by the same
		// query, tested on both engines in tests/integration/outbox-delivery.test.ts: here the worker would
		// send it at once.)
		await database.db
			.updateTable('outbox_message')
			.set({ status: 'queued', next_attempt_at: new Date(Date.now() + 3600_000).toISOString() })
			.execute();
		const waiting = await (await scrape(`Bearer ${METRICS_TOKEN}`)).text();
		expect(waiting).toMatch(/^protokol_outbox_queue_depth 1$/m);
		expect(waiting).toMatch(/^protokol_outbox_oldest_due_age_seconds 0$/m);
	});

	test('is not there at all without METRICS_TOKEN', async () => {
		const bare = await startServer({ env: { DEMO_DATA: 'off' } });
		try {
			expect((await fetch(`${bare.url}/metrics`)).status).toBe(404);
			const withToken = await fetch(`${bare.url}/metrics`, { headers: { authorization: 'Bearer anything' } });
			expect(withToken.status).toBe(404);
		} finally {
			await bare.stop();
		}
	});
});

test('no password, session, second-factor code, personal link, feed or metrics token is ever in the log', async () => {
	const secrets: Record<string, string> = { metricsToken: METRICS_TOKEN, password: TEST_PASSWORD };
	const sessionOf = (cookie: string) => cookie.slice(cookie.indexOf('=') + 1);
	secrets.officerSession = sessionOf(officer);
	secrets.officerSessionSecret = sessionOf(officer).split('.')[1]!;

	// A wrong password is a secret too: it is usually the right one with a slip.
	const wrongPassword = 'Baku-Geneva 2016 mistyped';
	secrets.wrongPassword = wrongPassword;
	const refused = await post('/login', { email: 'officer@protokol.test', password: wrongPassword, next: '' });
	expect(refused.status).toBe(400);

	// Signing in with a second factor.
	const careful = await addUser(databaseUrl, 'viewer', 'careful@protokol.test');
	const totpKey = randomBytes(20).toString('hex');
	secrets.totpKey = totpKey;
	await database.db
		.updateTable('user_account')
		.set({ totp_key: totpKey, totp_enabled_at: new Date().toISOString() })
		.where('email', '=', careful)
		.execute();
	const halfway = await post('/login', { email: careful, password: TEST_PASSWORD, next: '/events' });
	expect(halfway.status).toBe(303);
	const carefulCookie = halfway.headers.get('set-cookie')!.split(';')[0]!;
	secrets.halfwaySession = sessionOf(carefulCookie);
	const code = codeAt(totpKey);
	const verified = await post('/login/two-factor', { code, next: '/events' }, carefulCookie);
	expect(verified.status).toBe(303);
	expect((await get('/events', { cookie: carefulCookie })).status).toBe(200);

	// A personal link, opened, its calendar downloaded and an answer given through it.
	const issued = await post(`/people/${guestId}?/issueLink`, { validDays: '30' }, officer);
	const link = /\/p\/([a-z2-7]{32}\.[a-z2-7]{32})/.exec(await issued.text())?.[1];
	expect(link).toBeTruthy();
	secrets.personalLink = link!;
	secrets.personalLinkSecret = link!.split('.')[1]!;
	expect((await get(`/p/${link}`)).status).toBe(200);
	expect((await get(`/p/${link}/calendar.ics`)).status).toBe(200);
	// No route: the access line has none to name, and must not fall back on the path.
	await get(`/p/${link}/no-such-page`);

	// A calendar feed, fetched by its token.
	const created = await post(`/people/${guestId}?/createFeed`, { feedName: '' }, officer);
	const feed = /\/feeds\/([a-z2-7]{32}\.[a-z2-7]{32})\.ics/.exec(await created.text())?.[1];
	expect(feed).toBeTruthy();
	secrets.feed = feed!;
	secrets.feedSecret = feed!.split('.')[1]!;
	expect((await get(`/feeds/${feed}.ics`)).status).toBe(200);
	expect((await get(`/feeds/${feed}.ics?refresh=1`)).status).toBe(200);

	// The metrics token, scraped with.
	expect((await scrape(`Bearer ${METRICS_TOKEN}`)).status).toBe(200);

	// Everything so far is answered; the access line of the last request is written after its answer.
	const last = await get('/healthz');
	await accessLineOf(last.headers.get('x-request-id')!);
	const output = server.output();
	// Every request of the journey is in the log, under its route id.
	expect(output).toContain('"route":"/(link)/p/[token]"');
	expect(output).toContain('"route":"/feeds/[token].ics"');
	expect(output).toContain('"route":"/(public)/login/two-factor"');
	for (const [name, secret] of Object.entries(secrets)) {
		expect(output.includes(secret), `${name} is in the log`).toBe(false);
	}
	// Six digits alone, as they would stand in a line.
	expect(output, 'the second-factor code is in the log').not.toMatch(
		new RegExp(`(?<![0-9])${code}(?![0-9])`)
	);
});
