/**
 * The server's own backups (BACKUP_DIR): one every BACKUP_INTERVAL_HOURS, each in a folder named by its
 * time (protokol-2026-12-05T03-00-00-000Z), keeping the newest BACKUP_KEEP. Started and stopped with the
 * server by startup.ts.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describeBackup, type BackupManifest } from './backup.manifest';
import { takeBackup, type DataLocation } from './backup.service';
import type { BackupSchedule } from './backup.settings';
import { logger } from '../observability/logger';

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
 * Removes the oldest scheduled backups beyond the newest `keep`, and unfinished ones (only one server
 * makes backups into a folder, so none is under way now). The names of those removed.
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

/**
 * Backs up on the schedule, for as long as the process runs. The first backup is due one interval after
 * the newest one in the folder, so a server restarted often still backs up; at once when there is none.
 * A failed backup is logged and the schedule goes on.
 */
export function startScheduledBackups(schedule: BackupSchedule, from: DataLocation): ScheduledBackups {
	let timer: NodeJS.Timeout | undefined;
	let running: Promise<void> | null = null;
	let stopped = false;

	const backUp = async () => {
		try {
			const { path, manifest, removed } = await makeScheduledBackup(schedule, from);
			logger.info(
				{ path, removed },
				`backup written to ${path}: ${describeBackup(manifest)}` +
					(removed.length > 0 ? `; removed ${removed.join(', ')}` : '')
			);
		} catch (error) {
			logger.error({ err: error }, 'the scheduled backup failed');
		}
	};
	const planFor = (at: number) => {
		if (stopped) return;
		const wait = Math.min(Math.max(0, at - Date.now()), LONGEST_TIMEOUT_MS);
		timer = setTimeout(() => {
			if (Date.now() < at) return planFor(at);
			running = backUp().finally(() => {
				running = null;
				planFor(Date.now() + schedule.intervalMs);
			});
		}, wait);
		// The schedule alone does not keep the process alive: stopping the server is not held up by it.
		timer.unref();
	};
	const first = listScheduledBackups(schedule.directory).then((names) => {
		const newest = names.length > 0 ? timeOfBackup(names.at(-1)!) : null;
		planFor(newest === null ? Date.now() : newest + schedule.intervalMs);
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
