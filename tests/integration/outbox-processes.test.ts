/**
 * The outbox across processes, counted at the receiving SMTP server by Message-ID: a worker killed with
 * SIGKILL while the server held its message unanswered leaves it to the next process, which sends it at
 * once (not after the lease), delivered once; killed in the documented window (the server answered, the
 * result not yet recorded) the message goes twice, the same bytes both times; three processes on one
 * PostgreSQL database deliver 1 000 invitations, each exactly once.
 */
import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Database } from '$lib/server/db/schema';
import { describeEachEngine, engines, type TestDatabase } from '../helpers/databases';
import { queueTestMessages } from '../helpers/outbox';
import { startOutboxProcess, type OutboxProcess } from '../helpers/processes';
import { startSmtpPeer, type SmtpPeer } from '../helpers/smtp-peer';

type Db = Kysely<Database>;
const NOW = new Date();

const queue = (db: Db, recipients: string[]) => queueTestMessages(db, recipients, NOW);

const row = (db: Db, id: number) =>
	db.selectFrom('outbox_message').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** The defaults but for a quick look for due messages: the lease stays a minute. */
const workerEnv = (handle: TestDatabase, peer: SmtpPeer) => ({
	DATABASE_URL: handle.url,
	SMTP_URL: peer.url,
	OUTBOX_INTERVAL_MS: '100'
});

describeEachEngine('outbox processes', (engine) => {
	let handle: TestDatabase;
	let peer: SmtpPeer | undefined;
	const running: OutboxProcess[] = [];
	// The window test's lock on the message row, and how to let it go.
	let holding: Promise<void> | undefined;
	let unlock: (() => void) | undefined;
	beforeEach(async () => {
		handle = await engine.open();
	});
	afterEach(async () => {
		for (const p of running.splice(0)) {
			p.kill('SIGKILL');
			await p.exited;
		}
		unlock?.();
		await holding;
		holding = unlock = undefined;
		await peer?.stop();
		peer = undefined;
		await handle.cleanup();
	});

	test('killed while the server held the message: the next process sends it at once, delivered once', async () => {
		const db = handle.db;
		peer = await startSmtpPeer(({ number }) => (number === 1 ? { kind: 'stall' } : { kind: 'accept' }));
		const [message] = await queue(db, ['victim@example.org']);
		const first = await startOutboxProcess(workerEnv(handle, peer));
		running.push(first);
		await peer.until(() => peer!.received.has(message!.message_id), 'the first attempt');
		first.kill('SIGKILL');
		expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
		expect(await row(db, message!.id)).toMatchObject({ status: 'sending' });
		expect((await row(db, message!.id)).claimed_by).toContain(`pid=${first.pid} `);

		const restarted = Date.now();
		const second = await startOutboxProcess(workerEnv(handle, peer));
		running.push(second);
		await peer.until(() => peer!.deliveries.get(message!.message_id) === 1, 'the second attempt');
		// At once, not after the minute's lease.
		expect(Date.now() - restarted).toBeLessThan(15_000);
		expect(second.output()).toContain(`pid=${first.pid} `);
		expect(second.output()).toContain('which has stopped, are due again');
		second.kill('SIGTERM');
		expect(await second.exited).toEqual({ code: 0, signal: null });
		expect(peer.deliveries.get(message!.message_id)).toBe(1);
		expect(await row(db, message!.id)).toMatchObject({ status: 'sent', attempts: 2, claimed_by: null });
	});

	test('killed in the documented window, after the server answered: sent again, the same message', async () => {
		const db = handle.db;
		let locked!: () => void;
		const lockHeld = new Promise<void>((resolve) => (locked = resolve));
		// Between taking the message and answering 250, the test locks the row: the worker then has its
		// answer but cannot record it, and is killed there.
		peer = await startSmtpPeer(({ number }) => ({
			kind: 'accept',
			beforeAnswer:
				number === 1
					? async () => {
							holding = db.transaction().execute(async (tx) => {
								await tx
									.updateTable('outbox_message')
									.set((eb) => ({ attempts: eb.ref('attempts') }))
									.execute();
								locked();
								await new Promise<void>((resolve) => (unlock = resolve));
							});
							await lockHeld;
						}
					: undefined
		}));
		const [message] = await queue(db, ['window@example.org']);
		const first = await startOutboxProcess(workerEnv(handle, peer));
		running.push(first);
		await peer.until(() => peer!.deliveries.get(message!.message_id) === 1, 'the answer');
		// The worker has the answer and waits for the row: PostgreSQL holds its UPDATE (the client has hung
		// up), SQLite's busy timeout runs out and the worker says it will try again.
		await peer.until(
			() => peer!.closed() >= 1 || first.output().includes(`could not record message ${message!.id} yet`),
			'the worker to be recording'
		);
		first.kill('SIGKILL');
		await first.exited;
		if (engine.engine === 'postgres') {
			// PostgreSQL has the worker's UPDATE already and would run it once the lock goes, though its
			// client is dead. A host that dies loses the statement with the connection; so here.
			await sql`select pg_terminate_backend(pid) from pg_stat_activity
				where datname = current_database() and wait_event_type = 'Lock'
				and query like 'update "outbox_message"%'`.execute(db);
		}
		unlock!();
		await holding;
		expect(await row(db, message!.id)).toMatchObject({ status: 'sending' });

		const second = await startOutboxProcess(workerEnv(handle, peer));
		running.push(second);
		await peer.until(() => peer!.deliveries.get(message!.message_id) === 2, 'the repeat');
		second.kill('SIGTERM');
		expect(await second.exited).toEqual({ code: 0, signal: null });
		const [once, again] = peer.received.get(message!.message_id)!;
		expect(again).toBe(once);
		expect(await row(db, message!.id)).toMatchObject({ status: 'sent' });
	});
});

const postgres = engines.find((e) => e.engine === 'postgres');

test.skipIf(!postgres)(
	'three processes on one PostgreSQL database deliver 1 000 invitations, each exactly once',
	{ timeout: 60_000 },
	async () => {
		const handle = await postgres!.open();
		const peers = await Promise.all([startSmtpPeer(), startSmtpPeer(), startSmtpPeer()]);
		const workers: OutboxProcess[] = [];
		try {
			const messages = await queue(
				handle.db,
				Array.from({ length: 1000 }, (_, i) => `guest${i}@example.org`)
			);
			const started = Date.now();
			workers.push(
				...(await Promise.all(
					peers.map((peer) =>
						startOutboxProcess({ DATABASE_URL: handle.url, SMTP_URL: peer.url, OUTBOX_INTERVAL_MS: '100' })
					)
				))
			);
			const delivered = () => peers.reduce((n, p) => n + p.deliveries.size, 0);
			await peers[0]!.until(() => delivered() >= 1000, '1 000 deliveries', 45_000);
			const took = Date.now() - started;
			// Anything sent twice would arrive now.
			await new Promise((resolve) => setTimeout(resolve, 500));
			const exits = await Promise.all(
				workers.map((w) => {
					w.kill('SIGTERM');
					return w.exited;
				})
			);
			expect(exits).toEqual(Array(3).fill({ code: 0, signal: null }));

			const perMessage = new Map<string, number>();
			for (const peer of peers)
				for (const [id, n] of peer.deliveries) perMessage.set(id, (perMessage.get(id) ?? 0) + n);
			expect(perMessage.size).toBe(1000);
			expect(messages.every((m) => perMessage.get(m.message_id) === 1)).toBe(true);
			const byProcess = peers.map((p) => p.deliveries.size);
			expect(byProcess.every((n) => n > 0)).toBe(true);
			const statuses = await handle.db
				.selectFrom('outbox_message')
				.select((eb) => ['status', eb.fn.countAll<number>().as('n')])
				.groupBy('status')
				.execute();
			expect(statuses.map((s) => [s.status, Number(s.n)])).toEqual([['sent', 1000]]);
			console.info(
				`[outbox] 1 000 invitations, 3 processes: delivered ${[...perMessage.values()].reduce((a, b) => a + b)} ` +
					`times (${byProcess.join(' + ')}), none twice, in ${(took / 1000).toFixed(1)} s from start`
			);
		} finally {
			for (const w of workers) w.kill('SIGKILL');
			await Promise.all(workers.map((w) => w.exited));
			await Promise.all(peers.map((p) => p.stop()));
			await handle.cleanup();
		}
	}
);
