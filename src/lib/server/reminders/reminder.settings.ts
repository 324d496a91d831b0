/** When the daily digest goes, from the environment. */
export interface ReminderSettings {
	/** REMINDER_HOUR: from this hour of the office's day (OFFICE_TIME_ZONE), 0–23; 8 unless set. */
	hour: number;
	/** REMINDER_INTERVAL_MS: how often a server looks whether today's digests are due; 5 minutes. */
	intervalMs: number;
	/** ORIGIN: the public address the digest's links begin with; without it they are paths. */
	origin: string;
}

type Env = Record<string, string | undefined>;

export function reminderSettings(env: Env = process.env): ReminderSettings {
	const hour = Number(env.REMINDER_HOUR);
	const interval = Number(env.REMINDER_INTERVAL_MS);
	return {
		hour: env.REMINDER_HOUR?.trim() && Number.isInteger(hour) && hour >= 0 && hour <= 23 ? hour : 8,
		intervalMs: Number.isFinite(interval) && interval > 0 ? Math.floor(interval) : 5 * 60_000,
		origin: (env.ORIGIN?.trim() ?? '').replace(/\/+$/, '')
	};
}
