/**
 * Scheduled backups with several server processes on one database (each with BACKUP_DIR set, as a
 * deployment of identical processes has): they take turns through the database, so the folder gets one
 * backup an interval, not one per process, none begun while another is written, and none left
 * unfinished; a turn held by a process that has died is taken over at once; one held by a live process
 * is waited for.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { BACKUP_TURN } from '$lib/server/backup/backup.schedule';
import { thisProcess } from '$lib/server/mail/outbox.worker';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertPerson } from '../helpers/factories';
import { startWorkerProcess, type OutboxProcess } from '../helpers/processes';

/** 1.8 s between backups. */
const INTERVAL_HOURS = 0.0005;
const INTERVAL_MS = INTERVAL_HOURS * 3_600_000;

const timeOf = (name: string) =>
	Date.parse(name.replace(/^protokol-(.{10})T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z$/, '$1T$2:$3:$4.$5Z'));

describeEachEngine('scheduled backups in several processes', (engine) => {
	let handle: TestDatabase;
	let root: string;
	const running: OutboxProcess[] = [];
	beforeEach(async () => {
		handle = await engine.open();
		await insertPerson(handle.db, { given_name: 'Aysel', family_name: 'Mammadova' });
		root = mkdtempSync(join(tmpdir(), 'protokol-backup-processes-'));
	});
	afterEach(async () => {
		for (const p of running.splice(0)) {
			p.kill('SIGKILL');
			await p.exited;
		}
		await handle.cleanup();
		rmSync(root, { recursive: true, force: true });
	});

	const env = (keep = 100) => ({
		DATABASE_URL: handle.url,
		FILES_DIR: join(root, 'files'),
		BACKUP_DIR: join(root, 'backups'),
		BACKUP_INTERVAL_HOURS: String(INTERVAL_HOURS),
		BACKUP_KEEP: String(keep)
	});
	/** The backup folders, unfinished ones (.partial) too. */
	const backups = () =>
		readdirSync(join(root, 'backups'), { withFileTypes: true })
			.filter((e) => e.isDirectory())
			.map((e) => e.name)
			.sort();
	const finished = () => backups().filter((name) => !name.endsWith('.partial'));
	const stopAll = async () => {
		const exits = await Promise.all(
			running.splice(0).map((p) => {
				p.kill('SIGTERM');
				return p.exited;
			})
		);
		expect(exits.every((e) => e.code === 0)).toBe(true);
	};

	test('three processes make one backup an interval between them', { timeout: 90_000 }, async () => {
		running.push(
			...(await Promise.all(
				[1, 2, 3].map(() => startWorkerProcess('tests/helpers/backup-process.ts', env()))
			))
		);
		await expect
			.poll(() => finished().length, {
				timeout: 60_000,
				interval: 200
			})
			.toBeGreaterThanOrEqual(4);
		const outputs = running.map((p) => p.output());
		await stopAll();

		const made = backups();
		expect(made.filter((name) => name.endsWith('.partial'))).toEqual([]);
		// Each began at least an interval after the one before: never two at once, never one per process.
		const times = made.map(timeOf);
		for (let i = 1; i < times.length; i++)
			expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(INTERVAL_MS);
		const written = outputs.map((o) => o.split('\n').filter((l) => l.includes('backup written to')).length);
		expect(written.reduce((a, b) => a + b, 0)).toBe(made.length);
		expect(outputs.join('\n')).not.toContain('the scheduled backup failed');
		const turn = await handle.db.selectFrom('scheduled_turn').selectAll().executeTakeFirstOrThrow();
		expect(turn).toMatchObject({ name: BACKUP_TURN, held_by: null, held_until: null });
		expect(timeOf(made.at(-1)!)).toBe(Date.parse(turn.last_started_at!));
	});

	test(
		'a turn held by a process that has died is taken at once; one held by a live process is waited for',
		{ timeout: 60_000 },
		async () => {
			// A process of this host that has exited, holding the turn for an hour more.
			const deadPid = Number(
				execFileSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).trim()
			);
			const me = thisProcess();
			const dead = me.holder.replace(`pid=${me.pid} `, `pid=${deadPid} `);
			const hour = new Date(Date.now() + 3_600_000).toISOString();
			await handle.db
				.insertInto('scheduled_turn')
				.values({
					name: BACKUP_TURN,
					held_by: dead,
					held_until: hour,
					last_started_at: null,
					last_ended_at: null
				})
				.execute();
			const keepOne = { ...env(), BACKUP_INTERVAL_HOURS: '1' };
			const first = await startWorkerProcess('tests/helpers/backup-process.ts', keepOne);
			running.push(first);
			await expect.poll(() => finished().length, { timeout: 20_000, interval: 100 }).toBe(1);
			expect(first.output()).toContain(`the backup ${dead} was making when it stopped is made again`);
			await stopAll();

			// This test's own process, alive, holds it for three seconds more (and the last is an hour old).
			const heldUntil = Date.now() + 3000;
			await handle.db
				.updateTable('scheduled_turn')
				.set({
					held_by: me.holder,
					held_until: new Date(heldUntil).toISOString(),
					last_started_at: new Date(Date.now() - 3_700_000).toISOString()
				})
				.execute();
			rmSync(join(root, 'backups'), { recursive: true, force: true });
			running.push(await startWorkerProcess('tests/helpers/backup-process.ts', keepOne));
			await expect.poll(() => finished().length, { timeout: 20_000, interval: 100 }).toBe(1);
			expect(timeOf(finished()[0]!)).toBeGreaterThan(heldUntil);
			await stopAll();
		}
	);
});
