/**
 * Stopping the built server (SIGTERM, as a service manager or a container runtime stops it) while an
 * invitation is stuck on a mail server that took it and never answers, and while an officer saves
 * records as fast as the server takes them: the server exits with status 0 within the outbox's stop
 * timeout and a little more; every save it acknowledged is in the database, whose WAL has been
 * checkpointed into the file; the invitation is back in the queue, and the next start sends it at once,
 * delivered once.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { startBurstOfSaves } from '../helpers/forms';
import { withDatabase } from '../helpers/http';
import { queueTestMessages } from '../helpers/outbox';
import { startServer, type RunningServer } from '../helpers/server';
import { startSmtpPeer, type SmtpPeer } from '../helpers/smtp-peer';

let dir: string;
let databaseUrl: string;
let stalling: SmtpPeer;
let accepting: SmtpPeer;
const servers: RunningServer[] = [];
const OUTBOX_STOP_TIMEOUT_MS = 1000;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-shutdown-'));
	databaseUrl = join(dir, 'protokol.db');
	stalling = await startSmtpPeer(() => ({ kind: 'stall' }));
	accepting = await startSmtpPeer();
});

afterAll(async () => {
	for (const server of servers) await server.stop();
	await stalling?.stop();
	await accepting?.stop();
	rmSync(dir, { recursive: true, force: true });
});

test('SIGTERM mid-send and mid-burst: exit 0 in time, no acknowledged write lost, the message sent once by the next start', async () => {
	const officer = await addUser(databaseUrl, 'officer');
	const [message] = await withDatabase(databaseUrl, (db) =>
		queueTestMessages(db, ['guest@example.org'], new Date())
	);
	const messageId = message!.message_id;
	const env = {
		DEMO_DATA: 'off',
		OUTBOX_INTERVAL_MS: '200',
		OUTBOX_STOP_TIMEOUT_MS: String(OUTBOX_STOP_TIMEOUT_MS)
	};
	const server = await startServer({ databaseUrl, env: { ...env, SMTP_URL: stalling.url } });
	servers.push(server);
	const cookie = await signInOverHttp(server, officer);
	await stalling.until(() => stalling.received.has(messageId), 'the stalled send');

	// Four writers saving people one after another until the server stops answering.
	const burst = startBurstOfSaves(server, cookie, 4);
	const { acknowledged } = burst;
	// Mid-burst: a dozen saves acknowledged (however long a busy machine takes for them), others under way.
	for (let waited = 0; acknowledged.length <= 12; waited += 20) {
		if (waited > 30_000) throw new Error(`only ${acknowledged.length} saves acknowledged in 30 s`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	const signalled = Date.now();
	server.signal('SIGTERM');
	const exit = await server.exited;
	const took = Date.now() - signalled;
	await burst.stop();

	expect(exit).toEqual({ code: 0, signal: null });
	// The stalled send gets the stop timeout, then is dropped; the rest is quick.
	expect(took).toBeGreaterThanOrEqual(OUTBOX_STOP_TIMEOUT_MS - 100);
	expect(took).toBeLessThan(OUTBOX_STOP_TIMEOUT_MS + 4000);
	expect(server.output()).toContain('"msg":"stopped"');
	expect(burst.refused()).toBe(0);
	// Checkpointed: the database file alone holds every write.
	expect(statSync(`${databaseUrl}-wal`, { throwIfNoEntry: false })?.size ?? 0).toBe(0);

	const { saved, row } = await withDatabase(databaseUrl, async (db) => ({
		saved: await db.selectFrom('person').select('family_name').where('given_name', '=', 'Burst').execute(),
		row: await db
			.selectFrom('outbox_message')
			.selectAll()
			.where('id', '=', message!.id)
			.executeTakeFirstOrThrow()
	}));
	const savedNames = new Set(saved.map((p) => p.family_name));
	expect(acknowledged.filter((name) => !savedNames.has(name))).toEqual([]);
	expect(row).toMatchObject({ status: 'queued', claim_token: null, claimed_by: null });
	expect(row.last_error).toMatch(/server stopped while sending/);

	console.info(
		`[shutdown] SIGTERM to exit 0 in ${took} ms (outbox stop timeout ${OUTBOX_STOP_TIMEOUT_MS} ms); ` +
			`${acknowledged.length} saves acknowledged, ${acknowledged.filter((n) => savedNames.has(n)).length} of them found afterwards`
	);

	const restarted = Date.now();
	const next = await startServer({ databaseUrl, env: { ...env, SMTP_URL: accepting.url } });
	servers.push(next);
	await accepting.until(() => accepting.deliveries.get(messageId) === 1, 'the message after the restart');
	// At once: no waiting for a lease or a retry interval.
	const pickedUp = Date.now() - restarted;
	expect(pickedUp).toBeLessThan(10_000);
	next.signal('SIGTERM');
	expect(await next.exited).toEqual({ code: 0, signal: null });
	expect(accepting.deliveries.get(messageId)).toBe(1);
	console.info(`[shutdown] the released message was delivered ${pickedUp} ms after the restart began`);
	expect(stalling.deliveries.get(messageId)).toBeUndefined();
	const after = await withDatabase(databaseUrl, (db) =>
		db.selectFrom('outbox_message').selectAll().where('id', '=', message!.id).executeTakeFirstOrThrow()
	);
	expect(after).toMatchObject({ status: 'sent', attempts: 2 });
});
