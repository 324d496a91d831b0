/**
 * The server's outbox delivery alone, in a process of its own: startup.ts's startOutboxDelivery and
 * stopOnShutdown, as the server runs them, on the DATABASE_URL, SMTP_URL and OUTBOX_* it is given.
 * SIGTERM stops it as it stops the server. Run by startOutboxProcess (tests/helpers/processes.ts).
 */
import { startOutboxDelivery, stopOnShutdown } from '../../src/lib/server/startup';

// In the server the HTTP server keeps the process running; here this does, until SIGTERM.
const keepRunning = setInterval(() => {}, 60_000);
stopOnShutdown();
startOutboxDelivery();
process.on('SIGTERM', () => {
	clearInterval(keepRunning);
	(process.emit as (event: string) => boolean)('sveltekit:shutdown');
});
console.info('[outbox-process] ready');
