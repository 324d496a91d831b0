/**
 * Instants are stored in UTC and shown in the zone of the event they belong to. Client-safe: both luxon
 * (reading a wall-clock time typed into a form) and the formatters below work from the platform's Intl
 * time-zone data, on the server and in the browser alike. The words are the reader's language's
 * (Paraglide's getLocale(): the request's on the server, <html lang> in the browser): English as luxon
 * wrote it ("Friday 18 December 2026"), Azerbaijani and Russian as the platform's Intl writes them, the
 * weekday after the date as both put it ("18 dekabr 2026, cümə", "18 декабря 2026 г., пятница").
 */
import { DateTime } from 'luxon';
import { m } from '../paraglide/messages.js';
import { getLocale, type Locale } from '../paraglide/runtime.js';

/** A wall-clock time ("2021-12-17T10:00") in an IANA zone, as the ISO UTC instant we store. */
export function zonedToInstant(localDateTime: string, timeZone: string): string {
	const local = DateTime.fromISO(localDateTime, { zone: timeZone });
	if (!local.isValid) throw new RangeError(`Not a valid time "${localDateTime}" in ${timeZone}`);
	return local.toUTC().toISO()!;
}

/**
 * Formatting runs for every row of every page, so it goes through one cached Intl.DateTimeFormat per
 * zone and a few name tables, not through luxon (whose zone maths took a tenth of a page's CPU, and which
 * then stays out of the browser's bundle). The names come from the same platform Intl data luxon reads,
 * so the text is the same: "Sept" where en-GB says so.
 */
interface WallClock {
	year: number;
	/** 1–12 */
	month: number;
	day: number;
	hour: number;
	minute: number;
	/** Minutes ahead of UTC. */
	offset: number;
}

const LOCALE = 'en-GB';
const zoneFormats = new Map<string, Intl.DateTimeFormat>();

function zoneFormat(timeZone: string): Intl.DateTimeFormat {
	let format = zoneFormats.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric'
		});
		zoneFormats.set(timeZone, format);
	}
	return format;
}

/** How far ahead of UTC the zone's clocks are at the instant, in ms; null where the zone is not one. */
function exactOffset(ms: number, timeZone: string): number | null {
	let parts: Intl.DateTimeFormatPart[];
	try {
		parts = zoneFormat(timeZone).formatToParts(ms);
	} catch {
		return null;
	}
	const field = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
	for (const part of parts) {
		if (part.type in field) field[part.type as keyof typeof field] = Number(part.value);
	}
	const asUtc = Date.UTC(field.year, field.month - 1, field.day, field.hour % 24, field.minute, field.second);
	return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

const HOUR_MS = 3_600_000;
/**
 * Zones' offsets by UTC hour, where one offset holds for the whole hour: asking Intl for an instant's
 * fields took a twentieth of a list page's CPU, the rest is arithmetic. An hour in which the offset
 * changes is not kept (its instants are asked of Intl each time); no zone changes twice in an hour.
 */
const offsets = new Map<string, number>();
const OFFSETS_KEPT = 20_000;

function offsetAt(ms: number, timeZone: string): number | null {
	const hour = Math.floor(ms / HOUR_MS);
	const key = `${hour} ${timeZone}`;
	const kept = offsets.get(key);
	if (kept !== undefined) return kept;
	const first = exactOffset(hour * HOUR_MS, timeZone);
	if (first === null) return null;
	// The hour's last whole second: Intl writes an instant's second, where an offset changes.
	if (exactOffset((hour + 1) * HOUR_MS - 1000, timeZone) !== first) return exactOffset(ms, timeZone);
	if (offsets.size >= OFFSETS_KEPT) offsets.clear();
	offsets.set(key, first);
	return first;
}

/** Minutes ahead of UTC the zone's clocks are at the instant, as luxon's `offset`; NaN where either is not one. */
export function zoneOffsetMinutes(instant: string, timeZone: string): number {
	const ms = Date.parse(instant);
	const offset = Number.isNaN(ms) ? null : offsetAt(ms, timeZone);
	return offset === null ? NaN : offset / 60_000;
}

/** The instant's date and time on the clocks of the zone; null where the instant or the zone is not one. */
function wallClock(instant: string, timeZone: string): WallClock | null {
	const ms = Date.parse(instant);
	if (Number.isNaN(ms)) return null;
	const offset = offsetAt(ms, timeZone);
	if (offset === null) return null;
	const local = new Date(ms + offset);
	return {
		year: local.getUTCFullYear(),
		month: local.getUTCMonth() + 1,
		day: local.getUTCDate(),
		hour: local.getUTCHours(),
		minute: local.getUTCMinutes(),
		offset: Math.round(offset / 60_000)
	};
}

const INVALID = 'Invalid DateTime';

/** Month and weekday names as the platform writes them standing alone (luxon's LLL, LLLL, cccc). */
function names(options: Intl.DateTimeFormatOptions, count: number, dateOf: (index: number) => number) {
	const format = new Intl.DateTimeFormat(LOCALE, { ...options, timeZone: 'UTC' });
	return Array.from({ length: count }, (_, index) => format.format(dateOf(index)));
}
let nameTables: { longMonths: string[]; shortMonths: string[]; weekdays: string[] } | undefined;
function nameTable() {
	return (nameTables ??= {
		longMonths: names({ month: 'long' }, 12, (m) => Date.UTC(2021, m, 15)),
		shortMonths: names({ month: 'short' }, 12, (m) => Date.UTC(2021, m, 15)),
		// 3 January 2021 was a Sunday: index 0 is Sunday, as Date#getUTCDay counts.
		weekdays: names({ weekday: 'long' }, 7, (d) => Date.UTC(2021, 0, 3 + d))
	});
}

/**
 * Azerbaijani as CLDR writes it ("4 mart 2030", "4 mar 2030", "mart 2030", "bazar ertəsi"), from a table
 * rather than from the platform: Chromium ships a reduced ICU that has no Azerbaijani names and writes
 * "2030 M03 4, Mon", so a page rendered in the browser would otherwise differ from the server's. A unit
 * test holds the table to Node's full ICU, word for word.
 */
const AZERBAIJANI = {
	longMonths: 'yanvar fevral mart aprel may iyun iyul avqust sentyabr oktyabr noyabr dekabr'.split(' '),
	shortMonths: 'yan fev mar apr may iyn iyl avq sen okt noy dek'.split(' '),
	weekdays: ['bazar', 'bazar ertəsi', 'çərşənbə axşamı', 'çərşənbə', 'cümə axşamı', 'cümə', 'şənbə'],
	shortWeekdays: ['B.', 'B.E.', 'Ç.A.', 'Ç.', 'C.A.', 'C.', 'Ş.']
};

/** Russian dates as the platform's Intl writes them: one cached format per shape. */

const DATE_SHAPES = {
	long: { day: 'numeric', month: 'long', year: 'numeric' },
	short: { day: 'numeric', month: 'short', year: 'numeric' },
	monthYear: { month: 'long', year: 'numeric' },
	weekday: { weekday: 'long' }
} satisfies Record<string, Intl.DateTimeFormatOptions>;
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: Locale, shape: keyof typeof DATE_SHAPES): Intl.DateTimeFormat {
	const key = `${locale} ${shape}`;
	let format = dateFormats.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(locale, { ...DATE_SHAPES[shape], timeZone: 'UTC' });
		dateFormats.set(key, format);
	}
	return format;
}
const utcDay = (clock: { year: number; month: number; day: number }) =>
	Date.UTC(clock.year, clock.month - 1, clock.day);

const pad = (value: number, width = 2) => String(value).padStart(width, '0');
const year = (clock: { year: number }) => pad(clock.year, 4);
/** The month and weekday names English and Azerbaijani are written with; Russian takes the platform's whole. */
const namesOf = (locale: Locale) => (locale === 'az' ? AZERBAIJANI : nameTable());
const weekday = (clock: { year: number; month: number; day: number }, locale = getLocale()) =>
	locale === 'ru'
		? dateFormat(locale, 'weekday').format(utcDay(clock))
		: namesOf(locale).weekdays[new Date(utcDay(clock)).getUTCDay()]!;
const longDate = (clock: Omit<WallClock, 'hour' | 'minute' | 'offset'>, locale = getLocale()) =>
	locale === 'ru'
		? dateFormat(locale, 'long').format(utcDay(clock))
		: `${clock.day} ${namesOf(locale).longMonths[clock.month - 1]} ${year(clock)}`;
const shortDate = (clock: WallClock, locale = getLocale()) =>
	locale === 'ru'
		? dateFormat(locale, 'short').format(utcDay(clock))
		: `${clock.day} ${namesOf(locale).shortMonths[clock.month - 1]} ${year(clock)}`;
/** "Friday 18 December 2026", "18 dekabr 2026, cümə", "18 декабря 2026 г., пятница" */
const dayWithWeekday = (clock: WallClock, locale = getLocale()) =>
	locale === 'en'
		? `${weekday(clock, locale)} ${longDate(clock, locale)}`
		: `${longDate(clock, locale)}, ${weekday(clock, locale)}`;
const time = (clock: WallClock) => `${pad(clock.hour)}:${pad(clock.minute)}`;

/**
 * The days of the week from Monday, long ("Monday", "bazar ertəsi") or short ("Mon", "B.E."), in the
 * reader's language, for the heads of a calendar's columns.
 */
export function weekdayNames(style: 'long' | 'short', locale = getLocale()): string[] {
	const key = `${style} ${locale}`;
	let names = weekdayTables.get(key);
	if (names === undefined) {
		names = weekdaysFromMonday(style, locale);
		weekdayTables.set(key, names);
	}
	return [...names];
}
// Made once for each language and style: a new Intl.DateTimeFormat at every calendar page cost more
// than the page's queries.
const weekdayTables = new Map<string, string[]>();

function weekdaysFromMonday(style: 'long' | 'short', locale: string): string[] {
	// 1 January 2024 was a Monday; Azerbaijani's table counts from Sunday, as Date#getUTCDay does.
	if (locale === 'az') {
		const names = style === 'long' ? AZERBAIJANI.weekdays : AZERBAIJANI.shortWeekdays;
		return [1, 2, 3, 4, 5, 6, 0].map((day) => names[day]!);
	}
	const format = new Intl.DateTimeFormat(locale, { weekday: style, timeZone: 'UTC' });
	return [0, 1, 2, 3, 4, 5, 6].map((day) => format.format(Date.UTC(2024, 0, 1 + day)));
}

/** The wall-clock time of an instant in a zone, as "YYYY-MM-DDTHH:mm" (the value of a datetime-local field). */
export function instantToZoned(instant: string, timeZone: string): string {
	const clock = wallClock(instant, timeZone);
	if (!clock) return INVALID;
	return `${year(clock)}-${pad(clock.month)}-${pad(clock.day)}T${time(clock)}`;
}

export function isTimeZone(name: string): boolean {
	return DateTime.local().setZone(name).isValid;
}

function formatted(instant: string, timeZone: string, write: (clock: WallClock) => string): string {
	const clock = wallClock(instant, timeZone);
	return clock ? write(clock) : INVALID;
}

/** "Friday 17 December 2021" */
export function formatDate(instant: string, timeZone: string): string {
	return formatted(instant, timeZone, (clock) => dayWithWeekday(clock));
}

/** The day of an instant in a zone, as a calendar date is written: "17 December 2021". */
export function formatDayOf(instant: string, timeZone: string): string {
	return formatted(instant, timeZone, longDate);
}

/** "17 Dec 2021" */
export function formatShortDate(instant: string, timeZone: string): string {
	return formatted(instant, timeZone, shortDate);
}

/** "10:00" */
export function formatTime(instant: string, timeZone: string): string {
	return formatted(instant, timeZone, time);
}

/** "17 Dec 2021 10:00": when something happened, in a list of such moments. */
export function formatShortDateTime(instant: string, timeZone: string): string {
	return `${formatShortDate(instant, timeZone)} ${formatTime(instant, timeZone)}`;
}

/** The zone's offset at that instant, as people write it: "UTC+4", "UTC+1", "UTC−5". */
export function formatOffset(instant: string, timeZone: string): string {
	return formatted(instant, timeZone, ({ offset: minutes }) => {
		if (minutes === 0) return 'UTC';
		const sign = minutes > 0 ? '+' : '−';
		const h = Math.floor(Math.abs(minutes) / 60);
		const m = Math.abs(minutes) % 60;
		return `UTC${sign}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
	});
}

/**
 * A start–end range in one zone, said once where the two share a day:
 * "Friday 17 December 2021, 10:00–12:30" or "5 Dec 2016, 10:00 – 8 Dec 2016, 18:00".
 */
export function formatRange(startAt: string, endAt: string, timeZone: string): string {
	const start = wallClock(startAt, timeZone);
	const end = wallClock(endAt, timeZone);
	if (!start || !end) return INVALID;
	if (start.year === end.year && start.month === end.month && start.day === end.day) {
		return `${dayWithWeekday(start)}, ${time(start)}–${time(end)}`;
	}
	return `${shortDate(start)}, ${time(start)} – ${shortDate(end)}, ${time(end)}`;
}

/**
 * The days an all-day event takes, in its own zone, as YYYY-MM-DD: its start is midnight of the first,
 * its end midnight after the last (exclusive, as iCalendar's DTEND;VALUE=DATE). The last day is the one
 * the instant before the end falls in, so a zone whose clocks skip midnight (the day then starts at
 * 01:00) still ends on the right day. These are dates, not instants: 18 December in Baku is 18 December
 * for a viewer in Los Angeles too, as every calendar program shows a VALUE=DATE event.
 */
export function allDayDates(
	startAt: string,
	endAt: string,
	timeZone: string
): { first: string; last: string } | null {
	const start = wallClock(startAt, timeZone);
	const beforeEnd = Date.parse(endAt) - 1;
	const end = Number.isNaN(beforeEnd) ? null : wallClock(new Date(beforeEnd).toISOString(), timeZone);
	if (!start || !end) return null;
	const date = (clock: WallClock) => `${year(clock)}-${pad(clock.month)}-${pad(clock.day)}`;
	const first = date(start);
	const last = date(end);
	return { first, last: last < first ? first : last };
}

/**
 * The dates of an all-day event, said once where they share a month or year: "Friday 18 December 2026",
 * "5–8 December 2026", "28 November – 2 December 2026", "30 December 2026 – 2 January 2027".
 */
export function formatDays(startAt: string, endAt: string, timeZone: string): string {
	const days = allDayDates(startAt, endAt, timeZone);
	const first = days && calendarDate(days.first);
	const last = days && calendarDate(days.last);
	if (!first || !last) return INVALID;
	if (days.first === days.last) return dayWithWeekday(first);
	const locale = getLocale();
	// ICU puts a narrow no-break space before "г." in a range only; written as its single dates are.
	if (locale === 'ru')
		return dateFormat(locale, 'long')
			.formatRange(utcDay(first), utcDay(last))
			.replace(/\u202f/g, ' ');
	const months = namesOf(locale).longMonths;
	// Azerbaijani (CLDR) sets the dash between thin spaces; English between spaces, or none within a month.
	const dash = locale === 'az' ? '\u2009–\u2009' : ' – ';
	if (first.year !== last.year) return `${longDate(first)}${dash}${longDate(last)}`;
	if (first.month !== last.month) {
		return `${first.day} ${months[first.month - 1]}${dash}${longDate(last)}`;
	}
	return `${first.day}${locale === 'az' ? dash : '–'}${longDate(last)}`;
}

/** When an event happens, in its own zone: its dates when it takes whole days, else its times. */
export function formatWhen(event: {
	startAt: string;
	endAt: string;
	timeZone: string;
	allDay?: boolean;
}): string {
	return event.allDay
		? formatDays(event.startAt, event.endAt, event.timeZone)
		: formatRange(event.startAt, event.endAt, event.timeZone);
}

/** The first day of an event in its zone, short ("17 Dec 2021"), with the last one when it takes several whole days. */
export function formatShortDays(event: {
	startAt: string;
	endAt: string;
	timeZone: string;
	allDay?: boolean;
}): string {
	const first = formatShortDate(event.startAt, event.timeZone);
	if (!event.allDay) return first;
	const days = allDayDates(event.startAt, event.endAt, event.timeZone);
	const last = days && calendarDate(days.last);
	return days && last && days.last !== days.first ? `${first} – ${shortDate(last)}` : first;
}

/** A calendar date as it is stored (YYYY-MM-DD), or null where it is not a real date. */
function calendarDate(isoDate: string): WallClock | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
	if (!match) return null;
	const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(y, m - 1, d));
	if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
	return { year: y, month: m, day: d, hour: 0, minute: 0, offset: 0 };
}

/** A calendar date (YYYY-MM-DD) as "2 September 2021". */
export function formatCalendarDate(isoDate: string): string {
	const date = calendarDate(isoDate);
	return date ? longDate(date) : isoDate;
}

/** A date known to a year, a month or a day (stored as its first day): "2014", "March 2014", "2 March 2014". */
export function formatApproximateDate(isoDate: string, precision: 'year' | 'month' | 'day'): string {
	const date = calendarDate(isoDate);
	if (!date) return isoDate;
	if (precision === 'year') return year(date);
	if (precision === 'month') {
		const locale = getLocale();
		return locale === 'ru'
			? dateFormat(locale, 'monthYear').format(utcDay(date))
			: `${namesOf(locale).longMonths[date.month - 1]} ${year(date)}`;
	}
	return longDate(date);
}

type ApproximateDate = { on: string; precision: 'year' | 'month' | 'day' } | null;

/** When something ran, as far as it is known: "Since 2014", "Until June 2019", "2014 – 2018". */
export function formatPeriod(start: ApproximateDate, end: ApproximateDate): string {
	const show = (d: NonNullable<ApproximateDate>) => formatApproximateDate(d.on, d.precision);
	if (start && end) return `${show(start)} – ${show(end)}`;
	if (start) return m.format_since({ date: show(start) });
	if (end) return m.format_until({ date: show(end) });
	return m.format_dates_not_recorded();
}
