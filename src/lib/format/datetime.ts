/**
 * Instants are stored in UTC and shown in the zone of the event they belong to. Client-safe: luxon
 * works from the platform's Intl time-zone data, on the server and in the browser alike.
 */
import { DateTime } from 'luxon';

/** A wall-clock time ("2021-12-17T10:00") in an IANA zone, as the ISO UTC instant we store. */
export function zonedToInstant(localDateTime: string, timeZone: string): string {
	const local = DateTime.fromISO(localDateTime, { zone: timeZone });
	if (!local.isValid) throw new RangeError(`Not a valid time "${localDateTime}" in ${timeZone}`);
	return local.toUTC().toISO()!;
}

/** The wall-clock time of an instant in a zone, as "YYYY-MM-DDTHH:mm" (the value of a datetime-local field). */
export function instantToZoned(instant: string, timeZone: string): string {
	return DateTime.fromISO(instant, { zone: 'utc' }).setZone(timeZone).toFormat("yyyy-MM-dd'T'HH:mm");
}

export function isTimeZone(name: string): boolean {
	return DateTime.local().setZone(name).isValid;
}

function inZone(instant: string, timeZone: string): DateTime {
	return DateTime.fromISO(instant, { zone: 'utc' }).setZone(timeZone).setLocale('en-GB');
}

/** "Friday 17 December 2021" */
export function formatDate(instant: string, timeZone: string): string {
	return inZone(instant, timeZone).toFormat('cccc d LLLL yyyy');
}

/** The day of an instant in a zone, as a calendar date is written: "17 December 2021". */
export function formatDayOf(instant: string, timeZone: string): string {
	return inZone(instant, timeZone).toFormat('d LLLL yyyy');
}

/** "17 Dec 2021" */
export function formatShortDate(instant: string, timeZone: string): string {
	return inZone(instant, timeZone).toFormat('d LLL yyyy');
}

/** "10:00" */
export function formatTime(instant: string, timeZone: string): string {
	return inZone(instant, timeZone).toFormat('HH:mm');
}

/** The zone's offset at that instant, as people write it: "UTC+4", "UTC+1", "UTC−5". */
export function formatOffset(instant: string, timeZone: string): string {
	const minutes = inZone(instant, timeZone).offset;
	if (minutes === 0) return 'UTC';
	const sign = minutes > 0 ? '+' : '−';
	const h = Math.floor(Math.abs(minutes) / 60);
	const m = Math.abs(minutes) % 60;
	return `UTC${sign}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
}

/**
 * A start–end range in one zone, said once where the two share a day:
 * "Friday 17 December 2021, 10:00–12:30" or "5 Dec 2016, 10:00 – 8 Dec 2016, 18:00".
 */
export function formatRange(startAt: string, endAt: string, timeZone: string): string {
	const start = inZone(startAt, timeZone);
	const end = inZone(endAt, timeZone);
	if (start.hasSame(end, 'day')) {
		return `${start.toFormat('cccc d LLLL yyyy')}, ${start.toFormat('HH:mm')}–${end.toFormat('HH:mm')}`;
	}
	return `${start.toFormat('d LLL yyyy, HH:mm')} – ${end.toFormat('d LLL yyyy, HH:mm')}`;
}

/** A calendar date (YYYY-MM-DD) as "2 September 2021". */
export function formatCalendarDate(isoDate: string): string {
	const date = DateTime.fromISO(isoDate, { zone: 'utc' }).setLocale('en-GB');
	return date.isValid ? date.toFormat('d LLLL yyyy') : isoDate;
}

/** A date known to a year, a month or a day (stored as its first day): "2014", "March 2014", "2 March 2014". */
export function formatApproximateDate(isoDate: string, precision: 'year' | 'month' | 'day'): string {
	const date = DateTime.fromISO(isoDate, { zone: 'utc' }).setLocale('en-GB');
	if (!date.isValid) return isoDate;
	return date.toFormat(precision === 'year' ? 'yyyy' : precision === 'month' ? 'LLLL yyyy' : 'd LLLL yyyy');
}

type ApproximateDate = { on: string; precision: 'year' | 'month' | 'day' } | null;

/** When something ran, as far as it is known: "Since 2014", "Until June 2019", "2014 – 2018". */
export function formatPeriod(start: ApproximateDate, end: ApproximateDate): string {
	const show = (d: NonNullable<ApproximateDate>) => formatApproximateDate(d.on, d.precision);
	if (start && end) return `${show(start)} – ${show(end)}`;
	if (start) return `Since ${show(start)}`;
	if (end) return `Until ${show(end)}`;
	return 'Dates not recorded';
}
