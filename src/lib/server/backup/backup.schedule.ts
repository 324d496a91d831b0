/**
 * The server's own backups (BACKUP_DIR): one every BACKUP_INTERVAL_HOURS, each in a folder named by its
 * time (protokol-2026-12-05T03-00-00-000Z), keeping the newest BACKUP_KEEP. Started and stopped with the
 * server by startup.ts.
 *
 * However many server processes run on one database, one backup is made an interval: each backup is a
 * turn taken through the database (scheduled-turn.repository.ts), held while it runs and renewed, so
 * that no two processes back up at once and none prunes a backup another is still writing. A process
 * that dies holding the turn gives it up when its hold runs out, or at once to a process of the same
 * host that sees it gone.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { holderHasStopped, thisProcess } from '../mail/outbox.worker';
import { describeBackup, type BackupManifest } from './backup.manifest';
import { takeBackup, type DataLocation } from './backup.service';
import type { BackupSchedule } from './backup.settings';
import { logger } from '../observability/logger';
import {
	endScheduledTurn,
	extendScheduledTurn,
	findScheduledTurn,
	takeScheduledTurn
} from './scheduled-turn.repository';

const BACKUP_NAME = /^protokol-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/;
/** A backup that did not finish, left by a server that stopped or failed while making it. */
const UNFINISHED_NAME = /^protokol-.*Z\.partial$/;
/** setTimeout's longest wait; a longer interval is waited for in several. */
const LONGEST_TIMEOUT_MS = 2 ** 31 - 1;

/** Names sort as times do: "protokol-" and the instant in UTC, colons and the dot made dashes. */
export function scheduledBackupName(at: Date): string {
	return `protokol-${at.toISOString().replace(/[:.]/g, '-')}`;
}

function timeOfBackup(name: string): number | null {
	const match = BACKUP_NAME.exec(name);
	return match ? Date.parse(`${match[1]}T${match[2]}:${match[3]}:${match[4]}.${match[5]}Z`) : null;
}

/** The scheduled backups in `directory`, oldest first; nothing else there is counted or touched. */
export async function listScheduledBackups(directory: string): Promise<string[]> {
	const entries = await readdir(directory, { withFileTypes: true }).catch(() => []);
	return entries
		.filter((entry) => entry.isDirectory() && BACKUP_NAME.test(entry.name))
		.map((entry) => entry.name)
		.sort();
}

/**
 * Removes the oldest scheduled backups beyond the newest `keep`, and unfinished ones (called by the
 * holder of the backups' turn: no other process is making one now). The names of those removed.
 */
export async function pruneBackups(directory: string, keep: number): Promise<string[]> {
	const entries = await readdir(directory, { withFileTypes: true });
	const unfinished = entries
		.filter((e) => e.isDirectory() && UNFINISHED_NAME.test(e.name))
		.map((e) => e.name);
	const finished = await listScheduledBackups(directory);
	const removed = [...unfinished, ...finished.slice(0, Math.max(0, finished.length - keep))];
	for (const name of removed) await rm(join(directory, name), { recursive: true, force: true });
	return removed;
}

/** Makes one backup into the schedule's folder, then removes the oldest beyond the retention. */
export async function makeScheduledBackup(
	schedule: BackupSchedule,
	from: DataLocation,
	now = new Date()
): Promise<{ path: string; manifest: BackupManifest; removed: string[] }> {
	await mkdir(schedule.directory, { recursive: true });
	const path = join(schedule.directory, scheduledBackupName(now));
	const manifest = await takeBackup(from, path, now);
	return { path, manifest, removed: await pruneBackups(schedule.directory, schedule.keep) };
}

export interface ScheduledBackups {
	/** No backup starts after this; one under way is waited for. */
	stop(): Promise<void>;
}

/** The backups' row in scheduled_turn. */
export const BACKUP_TURN = 'backup';
/** How long a turn is held without word from its holder, which renews it four times as often. */
export const BACKUP_HOLD_MS = 2 * 60_000;
/** How soon to ask again when the database could not be asked. */
const RETRY_MS = 60_000;

/**
 * Backs up on the schedule, for as long as the process runs, taking turns through `db` with every other
 * process that does. The first backup is due one interval after the newest one — in the folder, or the
 * last turn any process took — so a server restarted often still backs up; at once when there is none.
 * A failed backup is logged, and the next waits for the interval.
 */
export function startScheduledBackups(
	schedule: BackupSchedule,
	from: DataLocation,
	db: Kysely<Database>
): ScheduledBackups {
	let timer: NodeJS.Timeout | undefined;
	let running: Promise<void> | null = null;
	let stopped = false;
	const me = thisProcess();

	const backUp = async (startedAt: Date) => {
		try {
			const { path, manifest, removed } = await makeScheduledBackup(schedule, from, startedAt);
			logger.info(
				{ path, removed },
				`backup written to ${path}: ${describeBackup(manifest)}` +
					(removed.length > 0 ? `; removed ${removed.join(', ')}` : '')
			);
		} catch (error) {
			logger.error({ err: error }, 'the scheduled backup failed');
		}
	};
	/** Holds the turn while the backup runs; ends it, the backup counted, whatever became of it. */
	const takeTurn = async (): Promise<number> => {
		const now = new Date();
		const current = await findScheduledTurn(db, BACKUP_TURN);
		const gone = current?.held_by && holderHasStopped(current.held_by, me) ? current.held_by : undefined;
		const taken = await takeScheduledTurn(db, BACKUP_TURN, {
			holder: me.holder,
			now: now.toISOString(),
			until: new Date(now.getTime() + BACKUP_HOLD_MS).toISOString(),
			dueBefore: new Date(now.getTime() - schedule.intervalMs).toISOString(),
			takeOverFrom: gone
		});
		if (!taken) {
			// Another process holds it (look again when its hold would run out), or has just made one.
			const turn = await findScheduledTurn(db, BACKUP_TURN);
			const heldUntil = turn?.held_by && turn.held_until ? Date.parse(turn.held_until) : 0;
			const due = turn?.last_started_at ? Date.parse(turn.last_started_at) + schedule.intervalMs : 0;
			return Math.max(heldUntil > now.getTime() ? heldUntil + 1 : due, Date.now() + 1000);
		}
		if (gone) logger.info(`the backup ${gone} was making when it stopped is made again`);
		const renew = setInterval(() => {
			const until = new Date(Date.now() + BACKUP_HOLD_MS).toISOString();
			extendScheduledTurn(db, BACKUP_TURN, me.holder, until).catch((error: unknown) =>
				logger.warn({ err: error }, 'the backup could not renew its turn')
			);
		}, BACKUP_HOLD_MS / 4);
		renew.unref();
		try {
			await backUp(now);
		} finally {
			clearInterval(renew);
			const ran = { startedAt: now.toISOString(), endedAt: new Date().toISOString() };
			await endScheduledTurn(db, BACKUP_TURN, me.holder, ran).catch((error: unknown) =>
				logger.warn({ err: error }, 'the backup could not give back its turn (it runs out by itself)')
			);
		}
		return now.getTime() + schedule.intervalMs;
	};
	const planFor = (at: number) => {
		if (stopped) return;
		const wait = Math.min(Math.max(0, at - Date.now()), LONGEST_TIMEOUT_MS);
		timer = setTimeout(() => {
			if (Date.now() < at) return planFor(at);
			let next = Date.now() + RETRY_MS;
			running = takeTurn()
				.then((at) => {
					next = at;
				})
				.catch((error: unknown) => logger.error({ err: error }, 'the backups could not take their turn'))
				.finally(() => {
					running = null;
					planFor(next);
				});
		}, wait);
		// The schedule alone does not keep the process alive: stopping the server is not held up by it.
		timer.unref();
	};
	const first = Promise.all([
		listScheduledBackups(schedule.directory),
		findScheduledTurn(db, BACKUP_TURN).catch(() => null)
	]).then(([names, turn]) => {
		const times = [
			names.length > 0 ? timeOfBackup(names.at(-1)!) : null,
			turn?.last_started_at ? Date.parse(turn.last_started_at) : null
		].filter((time) => time !== null);
		planFor(times.length === 0 ? Date.now() : Math.max(...times) + schedule.intervalMs);
	});

	return {
		async stop() {
			stopped = true;
			await first;
			clearTimeout(timer);
			await running;
		}
	};
}
