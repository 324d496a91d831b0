/**
 * What is backed up (DATABASE_URL and FILES_DIR, as the server reads them) and the schedule of the
 * server's own backups: BACKUP_DIR turns them on, BACKUP_INTERVAL_HOURS (24) and BACKUP_KEEP (7).
 */
import { DEFAULT_DATABASE_URL } from '../db/connection';
import { fileSettings } from '../files/file.settings';
import type { DataLocation } from './backup.service';

export function dataLocation(env: NodeJS.ProcessEnv = process.env): DataLocation {
	return {
		databaseUrl: env.DATABASE_URL || DEFAULT_DATABASE_URL,
		filesDirectory: fileSettings(env).directory
	};
}

export interface BackupSchedule {
	/** The folder the backups are made in, each in a folder of its own named by its time. */
	directory: string;
	intervalMs: number;
	/** How many backups are kept: the oldest beyond these are removed after each new one. */
	keep: number;
}

const HOUR_MS = 60 * 60 * 1000;

/** The schedule, or null when BACKUP_DIR is not set; throws on a value it cannot use. */
export function backupSchedule(env: NodeJS.ProcessEnv = process.env): BackupSchedule | null {
	if (!env.BACKUP_DIR) return null;
	const hours = Number(env.BACKUP_INTERVAL_HOURS || 24);
	if (!Number.isFinite(hours) || hours <= 0) {
		throw new Error(
			`BACKUP_INTERVAL_HOURS must be a number of hours above 0, such as 24 or 0.5, not "${env.BACKUP_INTERVAL_HOURS}"`
		);
	}
	const keep = Number(env.BACKUP_KEEP || 7);
	if (!Number.isInteger(keep) || keep < 1) {
		throw new Error(`BACKUP_KEEP must be a whole number of backups, 1 or more, not "${env.BACKUP_KEEP}"`);
	}
	return { directory: env.BACKUP_DIR, intervalMs: hours * HOUR_MS, keep };
}
