/** The office's own time zone: the calendar's zone until a viewer picks another. */
import { instantToZoned, isTimeZone } from '../../format/datetime';
import { logger } from '../observability/logger';

export const DEFAULT_OFFICE_TIME_ZONE = 'Asia/Baku';

let warned = false;

/** OFFICE_TIME_ZONE, an IANA name such as Europe/Zurich; Asia/Baku when unset or not a zone. */
export function officeTimeZone(env: Record<string, string | undefined> = process.env): string {
	const configured = env.OFFICE_TIME_ZONE?.trim();
	if (!configured) return DEFAULT_OFFICE_TIME_ZONE;
	if (isIanaZone(configured)) return configured;
	if (!warned) {
		warned = true;
		logger.warn(
			`OFFICE_TIME_ZONE="${configured}" is not an IANA time zone; using ${DEFAULT_OFFICE_TIME_ZONE}`
		);
	}
	return DEFAULT_OFFICE_TIME_ZONE;
}

/** An IANA zone name the platform knows ("Asia/Baku", "UTC", "Etc/GMT-4"), not a bare offset ("UTC+4"). */
export function isIanaZone(name: string): boolean {
	return name.length <= 64 && /^[A-Za-z]+(\/[A-Za-z0-9_+-]+){0,2}$/.test(name) && isTimeZone(name);
}

let zones: readonly string[] | undefined;

/** Every zone a viewer may choose from, as the platform lists them, UTC first (listed once: the list is the platform's). */
export function timeZoneChoices(): readonly string[] {
	zones ??= Object.freeze(['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')]);
	return zones;
}

/** Today's date (YYYY-MM-DD) at the office, by which dated things (an agreement in force) are judged. */
export function officeToday(now = new Date(), env: Record<string, string | undefined> = process.env): string {
	return instantToZoned(now.toISOString(), officeTimeZone(env)).slice(0, 10);
}
