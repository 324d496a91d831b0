/**
 * The outbox against SMTP servers of the tests' own that misbehave — stall after DATA, answer slowly,
 * drop the connection, refuse with 4xx and 5xx — on both engines. Each counts at the receiving server
 * how many times every message (by Message-ID) was delivered: once each. A stall holds only its own
 * message; a claim that was lost records nothing; stopping gives back what was under way; claims of a
 * process that is gone are given back at once.
 */
import { spawn } from 'node:child_process';
import type { Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Database } from '$lib/server/db/schema';
import { createMailer } from '$lib/server/mail/mail.transport';
import { claimDueMessages, getOutboxBacklog, markMessageSent } from '$lib/server/mail/outbox.repository';
import { getOutboxPage } from '$lib/server/mail/outbox.service';
import { outboxSettings, type OutboxSettings } from '$lib/server/mail/outbox.settings';
import { logger } from '$lib/server/observability/logger';
import {
	deliverDueMessages,
	releaseClaimsOfDeadProcesses,
	startOutboxWorker,
	thisProcess
} from '$lib/server/mail/outbox.worker';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { queueTestMessages, TEST_ORGANIZER } from '../helpers/outbox';
import { startSmtpPeer, type PeerBehaviour, type SmtpPeer } from '../helpers/smtp-peer';

type Db = Kysely<Database>;
const NOW = new Date('2026-11-24T09:00:00.000Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);
/** Small bounds, so that each fault shows within a second or two. */
const SETTINGS: OutboxSettings = {
	...outboxSettings({}),
	concurrency: 4,
	sendTimeoutMs: 1500,
	smtpTimeoutMs: 1500,
	leaseMs: 3000,
	stopTimeoutMs: 300,
	intervalMs: 100
};

const queue = (db: Db, recipients: string[]) => queueTestMessages(db, recipients, NOW);

const row = (db: Db, id: number) =>
	db.selectFrom('outbox_message').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

function mailerFor(peer: SmtpPeer, settings = SETTINGS) {
	return createMailer({
		SMTP_URL: peer.url,
		ORGANIZER_EMAIL: TEST_ORGANIZER.email,
		SMTP_TIMEOUT_MS: String(settings.smtpTimeoutMs),
		OUTBOX_SEND_TIMEOUT_MS: String(settings.sendTimeoutMs)
	})!;
}

/** Each recipient's first attempt behaves as given; every later one is accepted. */
const firstTime =
	(faults: Record<string, PeerBehaviour>) =>
	({ recipient, number }: { recipient: string; number: number }): PeerBehaviour =>
		(number === 1 && faults[recipient]) || { kind: 'accept' };

describeEachEngine('outbox delivery', (engine) => {
	let handle: TestDatabase;
	let peer: SmtpPeer | undefined;
	beforeEach(async () => {
		handle = await engine.open();
	});
	afterEach(async () => {
		await peer?.stop();
		peer = undefined;
		await handle.cleanup();
	});

	test('a server that stalls after DATA holds only its own message, which goes again identical', async () => {
		const db = handle.db;
		peer = await startSmtpPeer(firstTime({ 'stall@example.org': { kind: 'stall' } }));
		const [stalled, ...others] = await queue(db, ['stall@example.org', 'a@example.org', 'b@example.org']);
		const mailer = mailerFor(peer);
		try {
			const started = Date.now();
			expect(await deliverDueMessages(db, mailer, NOW, SETTINGS)).toEqual({ sent: 2, failed: 1 });
			const took = Date.now() - started;
			// The others were answered long before the stalled one's deadline.
			for (const m of others) expect(peer.deliveredAt.get(m.message_id)![0]! - started).toBeLessThan(1000);
			expect(took).toBeGreaterThanOrEqual(SETTINGS.sendTimeoutMs - 100);
			expect(took).toBeLessThan(SETTINGS.sendTimeoutMs + 1500);
			const after = await row(db, stalled!.id);
			expect(after).toMatchObject({ status: 'queued', attempts: 1, claim_token: null, claimed_by: null });
			expect(after.last_error).toMatch(/within 1\.5 s|timeout/i);
			expect(after.next_attempt_at).toBe(later(30_000).toISOString());

			expect(await deliverDueMessages(db, mailer, later(31_000), SETTINGS)).toEqual({ sent: 1, failed: 0 });
		} finally {
			mailer.close();
		}
		for (const m of [stalled!, ...others]) expect(peer.deliveries.get(m.message_id)).toBe(1);
		// The attempt the server took and never answered and the one it answered are the same bytes: had it
		// delivered the first, the second would be recognisable as its repeat.
		const [unanswered, answered] = peer.received.get(stalled!.message_id)!;
		expect(answered).toBe(unanswered);
		expect(await row(db, stalled!.id)).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
	});

	test('a slow server is waited for; one slower than the deadline is dropped and tried again', async () => {
		const db = handle.db;
		// 400 ms before the greeting, RCPT and DATA each: 1.2 s in all, each wait under the SMTP timeout.
		peer = await startSmtpPeer(() => ({ kind: 'slow', delayMs: 400 }), { greetingDelayMs: 400 });
		const [slow] = await queue(db, ['slow@example.org']);
		let mailer = mailerFor(peer, { ...SETTINGS, sendTimeoutMs: 3000, smtpTimeoutMs: 1000 });
		try {
			expect(await deliverDueMessages(db, mailer, NOW, { ...SETTINGS, sendTimeoutMs: 3000 })).toEqual({
				sent: 1,
				failed: 0
			});
		} finally {
			mailer.close();
		}
		expect(peer.deliveries.get(slow!.message_id)).toBe(1);

		// Every answer still within the SMTP timeout, but the whole past the message's own deadline.
		const [tooSlow] = await queue(db, ['too-slow@example.org']);
		const tight = { ...SETTINGS, sendTimeoutMs: 900, smtpTimeoutMs: 900 };
		mailer = mailerFor(peer, tight);
		try {
			expect(await deliverDueMessages(db, mailer, NOW, tight)).toEqual({ sent: 0, failed: 1 });
			await new Promise((resolve) => setTimeout(resolve, 1000));
		} finally {
			mailer.close();
		}
		expect((await row(db, tooSlow!.id)).last_error).toBe('No answer from the mail server within 0.9 s');
		expect(peer.deliveries.get(tooSlow!.message_id)).toBeUndefined();
	});

	test('a dropped connection is tried again and delivered once', async () => {
		const db = handle.db;
		peer = await startSmtpPeer(firstTime({ 'drop@example.org': { kind: 'drop' } }));
		const [dropped] = await queue(db, ['drop@example.org']);
		const mailer = mailerFor(peer);
		try {
			expect(await deliverDueMessages(db, mailer, NOW, SETTINGS)).toEqual({ sent: 0, failed: 1 });
			const after = await row(db, dropped!.id);
			expect(after).toMatchObject({ status: 'queued', attempts: 1 });
			expect(after.last_error).toMatch(/connection|closed|ECONNRESET/i);
			expect(await deliverDueMessages(db, mailer, later(31_000), SETTINGS)).toEqual({ sent: 1, failed: 0 });
		} finally {
			mailer.close();
		}
		expect(peer.deliveries.get(dropped!.message_id)).toBe(1);
	});

	test("a 4xx is tried again later and a 5xx fails at once, each with the server's answer on the outbox page", async () => {
		const db = handle.db;
		peer = await startSmtpPeer(
			firstTime({
				'busy@example.org': { kind: 'refuse', at: 'data', code: 451, text: '4.3.0 Mailbox busy, try later' },
				'nobody@example.org': { kind: 'refuse', at: 'rcpt', code: 550, text: '5.1.1 No such user here' }
			})
		);
		const [busy, nobody] = await queue(db, ['busy@example.org', 'nobody@example.org']);
		const mailer = mailerFor(peer);
		try {
			expect(await deliverDueMessages(db, mailer, NOW, SETTINGS)).toEqual({ sent: 0, failed: 2 });
			expect(await row(db, busy!.id)).toMatchObject({
				status: 'queued',
				attempts: 1,
				next_attempt_at: later(30_000).toISOString(),
				last_error: '451 4.3.0 Mailbox busy, try later'
			});
			expect(await row(db, nobody!.id)).toMatchObject({
				status: 'failed',
				attempts: 1,
				last_error: '550 5.1.1 No such user here'
			});
			const page = await getOutboxPage(db, {}, { limit: 25 });
			expect(page.messages.items.map((m) => [m.toAddress, m.status, m.lastError])).toEqual([
				['nobody@example.org', 'failed', '550 5.1.1 No such user here'],
				['busy@example.org', 'queued', '451 4.3.0 Mailbox busy, try later']
			]);
			expect(await deliverDueMessages(db, mailer, later(31_000), SETTINGS)).toEqual({ sent: 1, failed: 0 });
		} finally {
			mailer.close();
		}
		expect(peer.deliveries.get(busy!.message_id)).toBe(1);
		expect(peer.deliveries.get(nobody!.message_id)).toBeUndefined();
	});

	test('a worker whose claim was taken over records nothing and says so', async () => {
		const db = handle.db;
		const [message] = await queue(db, ['late@example.org']);
		const claimed = await claimDueMessages(
			db,
			NOW.toISOString(),
			{ token: 'first', by: 'worker one', until: later(1000).toISOString() },
			1
		);
		expect(claimed.map((m) => m.id)).toEqual([message!.id]);
		// Its lease ran out; another worker takes the message.
		await claimDueMessages(
			db,
			later(2000).toISOString(),
			{ token: 'second', by: 'worker two', until: later(5000).toISOString() },
			1
		);
		expect(await markMessageSent(db, message!.id, 'first', later(2500).toISOString())).toBe(false);
		expect(await row(db, message!.id)).toMatchObject({
			status: 'sending',
			claim_token: 'second',
			attempts: 2
		});

		// The same through the worker: the claim changes hands while the server is slow to answer.
		const [slowOne] = await queue(db, ['slow-one@example.org']);
		peer = await startSmtpPeer(() => ({
			kind: 'accept',
			beforeAnswer: async () => {
				await db
					.updateTable('outbox_message')
					.set({ claim_token: 'someone else' })
					.where('id', '=', slowOne!.id)
					.execute();
			}
		}));
		const warn = vi.spyOn(logger, 'warn').mockImplementation(() => {});
		const mailer = mailerFor(peer);
		try {
			expect(await deliverDueMessages(db, mailer, later(3000), SETTINGS)).toEqual({ sent: 0, failed: 0 });
			expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
				`outbox: the claim on message ${slowOne!.id} (${slowOne!.message_id}) was lost before ` +
					'its result (sent) could be recorded; another worker has it'
			]);
		} finally {
			warn.mockRestore();
			mailer.close();
		}
		expect(await row(db, slowOne!.id)).toMatchObject({ status: 'sending', claim_token: 'someone else' });
	});

	test('the backlog the metrics show: what waits, and since when the longest-due message is due', async () => {
		const db = handle.db;
		const [sent, abandoned, retrying] = await queue(db, ['a@example.org', 'b@example.org', 'c@example.org']);
		expect(await getOutboxBacklog(db, NOW.toISOString())).toEqual({
			waiting: 3,
			oldestDueAt: NOW.toISOString()
		});
		await db.updateTable('outbox_message').set({ status: 'sent' }).where('id', '=', sent!.id).execute();
		await db
			.updateTable('outbox_message')
			.set({
				status: 'sending',
				claim_token: 't',
				claimed_by: 'gone',
				claimed_until: later(5000).toISOString()
			})
			.where('id', '=', abandoned!.id)
			.execute();
		await db
			.updateTable('outbox_message')
			.set({ next_attempt_at: later(60_000).toISOString() })
			.where('id', '=', retrying!.id)
			.execute();
		// Claimed and retrying later: both wait, neither is due.
		expect(await getOutboxBacklog(db, later(1000).toISOString())).toEqual({ waiting: 2, oldestDueAt: null });
		// The claim ran out at 5 s; the retry is not due before a minute.
		expect(await getOutboxBacklog(db, later(10_000).toISOString())).toEqual({
			waiting: 2,
			oldestDueAt: later(5000).toISOString()
		});
		expect(await getOutboxBacklog(db, later(90_000).toISOString())).toEqual({
			waiting: 2,
			oldestDueAt: later(5000).toISOString()
		});
	});

	describe('the worker', () => {
		test('keeps every slot busy: one stalled message does not hold the ten behind it', async () => {
			const db = handle.db;
			peer = await startSmtpPeer(firstTime({ 'stall@example.org': { kind: 'stall' } }));
			const recipients = ['stall@example.org', ...Array.from({ length: 10 }, (_, i) => `r${i}@example.org`)];
			const messages = await queue(db, recipients);
			// The stalled send lasts until its own deadline, 4 s (the socket's timeout too): the ten must get
			// through the other slot before it, however slow the machine is at delivering them.
			const settings = {
				...SETTINGS,
				concurrency: 2,
				sendTimeoutMs: 4000,
				smtpTimeoutMs: 4000,
				leaseMs: 8000
			};
			const started = Date.now();
			const worker = startOutboxWorker(db, mailerFor(peer, settings), settings);
			try {
				await peer.until(() => peer!.deliveries.size === 10, 'the ten behind the stalled one');
				// All through the one free slot, well before the stalled send's deadline.
				expect(Date.now() - started).toBeLessThan(3000);
				expect((await row(db, messages[0]!.id)).status).toBe('sending');
			} finally {
				await worker.stop();
			}
			expect([...peer.deliveries.values()]).toEqual(Array(10).fill(1));
		});

		test('stopping drops a stalled send after the stop timeout and gives the message back, due at once', async () => {
			const db = handle.db;
			peer = await startSmtpPeer(() => ({ kind: 'stall' }));
			const [message] = await queue(db, ['stall@example.org']);
			const settings = { ...SETTINGS, sendTimeoutMs: 10_000, leaseMs: 20_000 };
			const worker = startOutboxWorker(db, mailerFor(peer, settings), settings);
			await peer.until(() => peer!.received.size === 1, 'the message to be taken');
			const stopping = Date.now();
			await worker.stop();
			expect(Date.now() - stopping).toBeLessThan(settings.stopTimeoutMs + 700);
			const after = await row(db, message!.id);
			expect(after).toMatchObject({ status: 'queued', claim_token: null, claimed_until: null });
			expect(after.last_error).toMatch(/server stopped while sending/);
			expect(Date.parse(after.next_attempt_at)).toBeLessThanOrEqual(Date.now());
			expect(peer.deliveries.size).toBe(0);
		});
	});

	describe('claims left by a process that is gone', () => {
		const exitedPid = () =>
			new Promise<number>((resolve) => {
				const child = spawn(process.execPath, ['-e', '']);
				child.once('exit', () => resolve(child.pid!));
			});

		let sleeper: ReturnType<typeof spawn>;
		beforeAll(() => {
			sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
		});
		afterAll(() => {
			sleeper.kill('SIGKILL');
		});

		test('are given back at once when that process ran on this host; others wait for their lease', async () => {
			const db = handle.db;
			const { pidns } = thisProcess();
			if (!pidns) return; // Not Linux: only the lease frees them.
			const dead = await exitedPid();
			const holders = {
				dead: `host=here pid=${dead} pidns=${pidns}`,
				alive: `host=here pid=${sleeper.pid} pidns=${pidns}`,
				elsewhere: `host=there pid=${dead} pidns=another-boot.4026531836`
			};
			const queued = await queue(db, ['dead@example.org', 'alive@example.org', 'elsewhere@example.org']);
			const until = later(600_000).toISOString();
			for (const [i, by] of Object.values(holders).entries()) {
				await db
					.updateTable('outbox_message')
					.set({ status: 'sending', claim_token: `t${i}`, claimed_by: by, claimed_until: until })
					.where('id', '=', queued[i]!.id)
					.execute();
			}
			const info = vi.spyOn(logger, 'info').mockImplementation(() => {});
			try {
				expect(await releaseClaimsOfDeadProcesses(db, later(1000))).toBe(1);
				expect(String(info.mock.calls[0]?.[0])).toContain(`claimed by ${holders.dead}, which has stopped`);
			} finally {
				info.mockRestore();
			}
			const rows = await Promise.all(queued.map((m) => row(db, m.id)));
			expect(rows.map((r) => [r.to_address, r.status, r.claimed_by])).toEqual([
				['dead@example.org', 'queued', null],
				['alive@example.org', 'sending', holders.alive],
				['elsewhere@example.org', 'sending', holders.elsewhere]
			]);
			expect(rows[0]!.next_attempt_at).toBe(later(1000).toISOString());
		});
	});
});
