/**
 * The server's scheduled backups alone, in a process of its own: startup.ts's startBackupSchedule and
 * stopOnShutdown, as the server runs them, on the DATABASE_URL, FILES_DIR and BACKUP_* it is given.
 * SIGTERM stops it as it stops the server. Run by startWorkerProcess (tests/helpers/processes.ts).
 */
import { startBackupSchedule, stopOnShutdown } from '../../src/lib/server/startup';

// In the server the HTTP server keeps the process running; here this does, until SIGTERM.
const keepRunning = setInterval(() => {}, 60_000);
stopOnShutdown();
startBackupSchedule();
process.on('SIGTERM', () => {
	clearInterval(keepRunning);
	(process.emit as (event: string) => boolean)('sveltekit:shutdown');
});
console.info('[backup-process] ready');
