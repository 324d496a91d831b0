/**
 * One server's daily reminder pass in a process of its own, on DATABASE_URL, at the instant REMINDER_NOW,
 * started at the wall-clock time GO_AT (ms) so that several processes run it at once. Prints how many
 * digests it queued. Run by the reminder tests with runScriptAlongside.
 */
import { openDatabase } from '../../src/lib/server/db/connection';
import { queueDailyDigests } from '../../src/lib/server/reminders/reminder.service';
import { reminderSettings } from '../../src/lib/server/reminders/reminder.settings';

const handle = openDatabase(process.env.DATABASE_URL!);
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(process.env.GO_AT) - Date.now())));
try {
	const queued = await queueDailyDigests(handle.db, new Date(process.env.REMINDER_NOW!), reminderSettings());
	console.info(`queued=${queued}`);
} finally {
	await handle.close();
}
