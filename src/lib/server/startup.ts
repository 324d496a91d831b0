/**
 * What the server does once before it answers: bring the schema up to date and, on an empty database,
 * load the demo data (unless DEMO_DATA=off, as a production deployment would set); then bring the search
 * index up to date and start the outbox and the scheduled backups. And what it does once when it stops.
 */
import type { ScheduledBackups } from './backup/backup.schedule';
import { backupSchedule, dataLocation } from './backup/backup.settings';
import { closeDatabase, database } from './db';
import { classifyDatabaseError, describeProblem } from './db/db-errors';
import { findWriteProblem } from './db/health';
import { migrateToLatest } from './db/migrator';
import { hasRows } from './demo/demo.repository';
import { outboxSettings } from './mail/outbox.settings';
import type { OutboxWorker } from './mail/outbox.worker';
import { inboxSettings } from './inbox/inbox.settings';
import type { InboxWorker } from './inbox/inbox.worker';
import { logger } from './observability/logger';
import type { ReminderWorker } from './reminders/reminder.worker';
import { refreshNameKeys } from './people/person.service';
import { refreshSearchIndex } from './search/search.service';
import { refreshDossiers } from './dossier/dossier.service';
import { refreshSortKeys } from './db/sort-keys';

// What only some starts need is imported when it is: the demo data set and its loader, the SMTP and IMAP
// clients (nodemailer, imapflow, mailparser, the calendar parsers) and the backup code are about a third
// of the modules the server would otherwise load before its first answer (docs/performance.md).

export async function prepareDatabase(): Promise<void> {
	const handle = database();
	const { db, description } = handle;
	const applied = await migrateToLatest(handle).catch((error: unknown) => {
		throw cannotStart(description, error);
	});
	if (applied.length > 0) logger.info({ migrations: applied }, `${description}: applied migrations`);
	// Opened read-only (SQLite does so silently for a file it may not write), the server would start,
	// say it is fine and then fail every save.
	const problem = await findWriteProblem(handle);
	if (problem) throw new Error(`cannot start: ${description}: ${describeProblem(problem)}`);
	// The loader checks again in its transaction; a database that has data spares the import of it all.
	if (
		process.env.DEMO_DATA !== 'off' &&
		!(await hasRows(db, 'event')) &&
		!(await hasRows(db, 'organization'))
	) {
		const { loadDemoData } = await import('./demo/demo.service');
		const demo = await loadDemoData(db);
		if (demo.loaded) logger.info(`loaded the demo data into ${description}`);
	}
	// Searches bring the index up to date themselves, dossiers their timelines, and the duplicate check
	// the name keys; doing it now spares the first of each the wait. The directories' sort keys are
	// written with the names; only rows written by another program, or from before them, lack one.
	await refreshSortKeys(db);
	await refreshSearchIndex(db);
	await refreshDossiers(db);
	await refreshNameKeys(db);
}

/** A migration the database refused (full, read-only …) said as such; anything else as it came. */
function cannotStart(description: string, error: unknown): unknown {
	const problem = classifyDatabaseError(error);
	if (!problem) return error;
	const said = `cannot start: migrating ${description} failed: ${describeProblem(problem)}`;
	return new Error(said, { cause: error });
}

let outbox: OutboxWorker | null = null;
let reminders: ReminderWorker | null = null;
let inbox: InboxWorker | null = null;

/**
 * Starts delivering the outbox by SMTP when SMTP_URL is set, and with it the daily reminders
 * (reminders/reminder.worker.ts). Without it, invitations wait in the outbox (the pages say so) and no
 * digest is queued at all: one queued meanwhile would go out days late, beside the day's own, once SMTP
 * is set; officers see the same list on the home page. How it delivers: mail/outbox.settings.ts.
 * With IMAP_URL set, it also reads the office's mailbox for attendees' answers (inbox/inbox.worker.ts),
 * whether or not SMTP is: what an answer sends back waits in the outbox like any invitation.
 */
export function startOutboxDelivery(): void {
	const imap = inboxSettings();
	if (imap) {
		startInBackground(async () => {
			const { startInboxWorker } = await import('./inbox/inbox.worker');
			inbox = startInboxWorker(database().db, imap);
		});
	}
	// createMailer says the same; asked here, a start without SMTP loads no mail code.
	if (!process.env.SMTP_URL?.trim()) {
		logger.info('SMTP_URL is not set: invitations wait in the outbox, and no daily reminders are queued');
		return;
	}
	const settings = outboxSettings();
	startInBackground(async () => {
		const [{ createMailer }, { startOutboxWorker }, { startReminderWorker }] = await Promise.all([
			import('./mail/mail.transport'),
			import('./mail/outbox.worker'),
			import('./reminders/reminder.worker')
		]);
		const mailer = createMailer();
		if (!mailer) return;
		outbox = startOutboxWorker(database().db, mailer, settings);
		reminders = startReminderWorker(database().db);
	});
}

let backups: ScheduledBackups | null = null;

/**
 * Backs up on the schedule BACKUP_DIR and the settings beside it describe (backup/backup.settings.ts),
 * taking turns through the database with every other process that does.
 */
export function startBackupSchedule(): void {
	const schedule = backupSchedule();
	if (!schedule) return;
	const location = dataLocation();
	startInBackground(async () => {
		const { startScheduledBackups } = await import('./backup/backup.schedule');
		backups = startScheduledBackups(schedule, location, database().db);
	});
}

/** The workers' starts still loading their modules: shutdown waits for them, so that none starts after it. */
const starting = new Set<Promise<void>>();

/**
 * Starts a worker once its code has loaded, without holding up the first answer. Its settings were read
 * before (a wrong one stops the start, as ever); should the start itself fail, the server stops as it
 * would have had it failed before listening.
 */
function startInBackground(start: () => Promise<void>): void {
	const run: Promise<void> = start()
		.catch((error: unknown) => {
			logger.fatal({ err: error }, 'cannot start');
			process.exit(1);
		})
		.finally(() => starting.delete(run));
	starting.add(run);
}

/**
 * Once nothing else will be asked of the server (scripts/serve.ts emits 'sveltekit:shutdown' after its
 * HTTP server has closed, as adapter-node's own entry does): the inbox, the reminders and the outbox stop, giving back what it could
 * not finish, and a backup under way finishes; then the database is closed (on SQLite after a checkpoint, so the file alone holds every
 * write). With nothing left to wait for, the process exits by itself.
 */
export function stopOnShutdown(): void {
	process.once('sveltekit:shutdown', async () => {
		// Nothing else need hold the process open now (the outbox's timer does not): this does, to the end.
		const keepAlive = setInterval(() => {}, 60_000);
		try {
			await Promise.all(starting);
			await inbox?.stop();
			inbox = null;
			await reminders?.stop();
			reminders = null;
			await outbox?.stop();
			outbox = null;
			await backups?.stop();
			backups = null;
			await closeDatabase();
			logger.info('stopped');
		} catch (error) {
			logger.error({ err: error }, 'stopping failed');
			process.exitCode = 1;
		} finally {
			clearInterval(keepAlive);
		}
	});
}
