/**
 * Runs the day's reminder pass (queueDailyDigests) at start and every settings.intervalMs: before
 * REMINDER_HOUR it does nothing, after it the day's digests are queued once, whichever process gets there
 * first; a server that was down at the hour queues them when it starts. The outbox worker sends them.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { logger, type Logger } from '../observability/logger';
import { queueDailyDigests } from './reminder.service';
import { reminderSettings, type ReminderSettings } from './reminder.settings';

export interface ReminderWorker {
	/** Looks no more, and waits for a pass under way to end. */
	stop(): Promise<void>;
}

export function startReminderWorker(
	db: Kysely<Database>,
	settings: ReminderSettings = reminderSettings(),
	log: Pick<Logger, 'info' | 'error'> = logger
): ReminderWorker {
	let running: Promise<void> | null = null;
	let stopping = false;
	const pass = () => {
		if (stopping || running) return;
		running = queueDailyDigests(db, new Date(), settings)
			.then((queued) => {
				if (queued > 0) log.info(`reminders: queued ${queued} daily digest(s)`);
			})
			.catch((error) => log.error({ err: error }, 'reminders: queueing the daily digests failed'))
			.finally(() => (running = null));
	};
	pass();
	const timer = setInterval(pass, settings.intervalMs);
	timer.unref();
	return {
		async stop() {
			stopping = true;
			clearInterval(timer);
			await running;
		}
	};
}
