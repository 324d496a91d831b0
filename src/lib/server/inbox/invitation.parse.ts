/**
 * A partner's invitation (RFC 5545 / RFC 5546 REQUEST, CANCEL or PUBLISH) as Protokol imports it, read
 * with ical.js: title, times as UTC instants with the IANA zone they were given in (Outlook's Windows
 * zone names mapped through CLDR's windowsZones, package windows-iana), place, organizer and attendees,
 * and for a recurring invitation its occurrences within a bounded horizon. Pure: no database, no mail.
 *
 * Recurrence is expanded on wall-clock times in the event's own zone, as RFC 5545 §3.3.10 defines it
 * (a weekly 10:00 stays 10:00 across summer time); UNTIL, EXDATE and RECURRENCE-ID given in UTC or in
 * another zone are brought to that zone's wall clock first.
 */
import ICAL from 'ical.js';
import { DateTime, IANAZone } from 'luxon';
import { findIana } from 'windows-iana';
import { addressOf } from './itip.parse';
import { formatByteSize } from '../../format/sizes';
import { m } from '../../paraglide/messages.js';

/** The largest calendar imported: an upload or paste must fit in a form (FORM_SIZE_LIMIT) twice over. */
export const MAX_INVITATION_BYTES = 256 * 1024;
/** Occurrences of a recurring invitation are imported up to a year ahead of now (or of its start)… */
export const HORIZON_DAYS = 365;
/** …and 30 days back, at most this many. */
export const PAST_DAYS = 30;
export const MAX_OCCURRENCES = 100;

export interface InvitationPerson {
	/** The mailto: address, lower-cased. */
	address: string;
	name: string | null;
	/** ROLE: CHAIR, REQ-PARTICIPANT, OPT-PARTICIPANT, NON-PARTICIPANT. */
	role: string | null;
	partstat: string | null;
}

export interface InvitationOccurrence {
	/** The occurrence's RECURRENCE-ID as a UTC instant: its start as the rule places it. */
	occurrence: string;
	startAt: string;
	endAt: string;
	/** An override (RECURRENCE-ID) may retitle or move one occurrence. */
	title: string;
	location: string | null;
	cancelled: boolean;
}

export interface Invitation {
	method: 'REQUEST' | 'CANCEL' | 'PUBLISH';
	uid: string;
	sequence: number;
	title: string;
	description: string | null;
	location: string | null;
	/** A meeting link: LOCATION or URL when it is one, or Outlook's X-MICROSOFT-ONLINEMEETINGURL. */
	onlineUrl: string | null;
	/** The IANA zone of the event. */
	timeZone: string;
	/** The TZID as the invitation wrote it ("Azerbaijan Standard Time"), when that is not the IANA name. */
	zoneGiven: string | null;
	startAt: string;
	endAt: string;
	/** DTSTART was a DATE: a whole day, placed at midnight in the zone. */
	allDay: boolean;
	/**
	 * The RECURRENCE-ID, as a UTC instant, when the calendar speaks of one occurrence of a series only
	 * (Outlook's cancellation or move of one meeting of a series); null for the whole event.
	 */
	onlyOccurrence: string | null;
	/** Status given by the invitation itself (STATUS:CANCELLED in a REQUEST cancels too). */
	cancelled: boolean;
	organizer: InvitationPerson | null;
	attendees: InvitationPerson[];
	recurrence: {
		rule: string;
		occurrences: InvitationOccurrence[];
		/** More occurrences follow beyond the horizon or the cap. */
		truncated: boolean;
		windowStart: string;
		windowEnd: string;
	} | null;
}

/** What is wrong with the calendar, in a sentence for the officer; `field` is the form field to show it by. */
export class InvalidInvitation extends Error {}

type Wall = { year: number; month: number; day: number; hour: number; minute: number; second: number };

const METHODS = ['REQUEST', 'CANCEL', 'PUBLISH'] as const;

/** A TZID as IANA: itself when it is one, else its Windows name through CLDR; null when unknown. */
export function ianaZoneOf(tzid: string): string | null {
	const name = tzid.trim().replace(/^"|"$/g, '');
	if (IANAZone.isValidZone(name)) return name;
	// Windows names, CLDR's "001" territory first; some programs prefix "(UTC+04:00) ".
	for (const candidate of [name, name.replace(/^\(UTC[^)]*\)\s*/, '')]) {
		const found = findIana(candidate)?.[0];
		if (found && IANAZone.isValidZone(found)) return found;
	}
	return null;
}

function text(component: ICAL.Component, name: string, max: number): string | null {
	const value: unknown = component.getFirstPropertyValue(name);
	if (typeof value !== 'string') return null;
	const trimmed = value.trim();
	return trimmed ? trimmed.slice(0, max) : null;
}

function parameter(property: ICAL.Property, name: string): string | null {
	const value: unknown = property.getParameter(name);
	const first = Array.isArray(value) ? value[0] : value;
	return typeof first === 'string' && first.trim() ? first.trim() : null;
}

function personOf(property: ICAL.Property | null): InvitationPerson | null {
	if (!property) return null;
	const address = addressOf(property.getFirstValue());
	if (!address) return null;
	return {
		address,
		name: parameter(property, 'cn')?.slice(0, 200) ?? null,
		role: parameter(property, 'role')?.toUpperCase() ?? null,
		partstat: parameter(property, 'partstat')?.toUpperCase() ?? null
	};
}

const wallOf = (time: ICAL.Time): Wall => ({
	year: time.year,
	month: time.month,
	day: time.day,
	hour: time.isDate ? 0 : time.hour,
	minute: time.isDate ? 0 : time.minute,
	second: time.isDate ? 0 : time.second
});

const isUtc = (time: ICAL.Time) => time.zone === ICAL.Timezone.utcTimezone || time.zone?.tzid === 'UTC';

function instantIn(wall: Wall, zone: string): string {
	return DateTime.fromObject(wall, { zone }).toUTC().toISO()!;
}

/** One value of a DATE or DATE-TIME property, read as an instant; the zone it names, or its own. */
function instantOfValue(time: ICAL.Time, tzid: string | null, eventZone: string): string {
	if (isUtc(time)) return DateTime.fromObject(wallOf(time), { zone: 'UTC' }).toISO()!;
	const zone = tzid ? ianaZoneOf(tzid) : null;
	if (tzid && !zone) {
		throw new InvalidInvitation(m.inbox_parse_unknown_zone({ zone: tzid }));
	}
	return instantIn(wallOf(time), zone ?? eventZone);
}

/** The wall clock of an instant in the event's zone, as a floating ICAL.Time for the recurrence rule. */
function floatingIn(instant: string, zone: string, isDate: boolean): ICAL.Time {
	const local = DateTime.fromISO(instant, { zone: 'UTC' }).setZone(zone);
	return ICAL.Time.fromData({
		year: local.year,
		month: local.month,
		day: local.day,
		hour: isDate ? 0 : local.hour,
		minute: isDate ? 0 : local.minute,
		second: isDate ? 0 : local.second,
		isDate
	});
}

function timeValues(component: ICAL.Component, name: string): { time: ICAL.Time; tzid: string | null }[] {
	return component.getAllProperties(name).flatMap((property) =>
		property
			.getValues()
			.filter((v): v is ICAL.Time => v instanceof ICAL.Time)
			.map((time) => ({ time, tzid: parameter(property, 'tzid') }))
	);
}

const isUrl = (value: string | null) => Boolean(value && /^https?:\/\/\S+$/i.test(value));

function readCalendar(source: string): ICAL.Component {
	if (Buffer.byteLength(source, 'utf8') > MAX_INVITATION_BYTES) {
		throw new InvalidInvitation(m.inbox_parse_too_large({ size: formatByteSize(MAX_INVITATION_BYTES) }));
	}
	if (!/BEGIN:VCALENDAR/i.test(source)) {
		throw new InvalidInvitation(m.inbox_parse_not_icalendar());
	}
	try {
		const calendar = new ICAL.Component(ICAL.parse(source.trim()));
		if (calendar.name !== 'vcalendar') throw new Error('no VCALENDAR');
		return calendar;
	} catch (error) {
		const why = error instanceof Error ? error.message : String(error);
		throw new InvalidInvitation(m.inbox_parse_unreadable({ why }).slice(0, 300));
	}
}

/**
 * Reads an invitation; throws InvalidInvitation with why for anything that is not one Protokol can
 * import. `now` places the horizon of a recurring one; `fallbackZone` is for floating times.
 */
export function parseInvitation(
	source: string,
	{ now, fallbackZone }: { now: Date; fallbackZone: string }
): Invitation {
	const calendar = readCalendar(source);
	const methodValue = calendar.getFirstPropertyValue('method');
	const method = (
		typeof methodValue === 'string' ? methodValue.toUpperCase() : 'PUBLISH'
	) as Invitation['method'];
	if (!METHODS.includes(method)) {
		throw new InvalidInvitation(m.inbox_parse_reply({ method }));
	}
	const vevents = calendar.getAllSubcomponents('vevent');
	const master = vevents.find((v) => !v.hasProperty('recurrence-id')) ?? vevents[0];
	if (!master) throw new InvalidInvitation(m.inbox_parse_no_event());
	const uid = text(master, 'uid', 500);
	if (!uid) throw new InvalidInvitation(m.inbox_parse_no_uid());
	const dtstart = master.getFirstProperty('dtstart');
	const start = dtstart?.getFirstValue();
	if (!dtstart || !(start instanceof ICAL.Time)) throw new InvalidInvitation(m.inbox_parse_no_start());

	const tzid = parameter(dtstart, 'tzid');
	let timeZone: string;
	if (tzid) {
		const zone = ianaZoneOf(tzid);
		if (!zone) throw new InvalidInvitation(m.inbox_parse_unknown_zone({ zone: tzid }));
		timeZone = zone;
	} else {
		const calendarZone = text(calendar, 'x-wr-timezone', 100);
		timeZone =
			calendarZone && ianaZoneOf(calendarZone)
				? ianaZoneOf(calendarZone)!
				: isUtc(start)
					? 'UTC'
					: fallbackZone;
	}
	const allDay = start.isDate;
	const startAt = instantOfValue(start, tzid, timeZone);
	const end = instantOfProperty(master.getFirstProperty('dtend'), timeZone);
	const durationValue: unknown = master.getFirstPropertyValue('duration');
	let endAt: string;
	if (end) {
		endAt = end;
	} else if (durationValue instanceof ICAL.Duration) {
		endAt = new Date(Date.parse(startAt) + durationValue.toSeconds() * 1000).toISOString();
	} else {
		// RFC 5545 §3.6.1: without DTEND or DURATION a date lasts the day, a date-time no time at all.
		endAt = DateTime.fromISO(startAt)
			.plus(allDay ? { days: 1 } : { hours: 1 })
			.toUTC()
			.toISO()!;
	}
	if (Date.parse(endAt) <= Date.parse(startAt)) {
		if (Date.parse(endAt) < Date.parse(startAt))
			throw new InvalidInvitation(m.inbox_parse_ends_before_start());
		endAt = DateTime.fromISO(startAt).plus({ minutes: 30 }).toUTC().toISO()!;
	}

	const title = text(master, 'summary', 300) ?? '(no title)';
	const location = text(master, 'location', 500);
	const urlValue = text(master, 'url', 1000);
	const teams =
		text(master, 'x-microsoft-onlinemeetingurl', 1000) ?? text(master, 'x-google-conference', 1000);
	const onlineUrl = [teams, isUrl(location) ? location : null, urlValue].find(isUrl) ?? null;
	const status = text(master, 'status', 20)?.toUpperCase();
	const sequence = Number(master.getFirstPropertyValue('sequence') ?? 0);
	const organizer = personOf(master.getFirstProperty('organizer'));
	const attendees = master
		.getAllProperties('attendee')
		.map(personOf)
		.filter((p): p is InvitationPerson => p !== null);

	const duration = Date.parse(endAt) - Date.parse(startAt);
	const rule = master.hasProperty('recurrence-id') ? null : master.getFirstPropertyValue('rrule');
	const recurrence =
		rule instanceof ICAL.Recur
			? expand({
					rule,
					master,
					overrides: vevents.filter((v) => v !== master && v.hasProperty('recurrence-id')),
					startAt,
					duration,
					timeZone,
					allDay,
					title,
					location,
					now
				})
			: null;

	return {
		method,
		uid,
		sequence: Number.isInteger(sequence) && sequence >= 0 ? sequence : 0,
		title,
		description: text(master, 'description', 5000),
		location: isUrl(location) ? null : location,
		onlineUrl,
		timeZone,
		zoneGiven: tzid && tzid !== timeZone ? tzid : null,
		startAt,
		endAt,
		allDay,
		onlyOccurrence: instantOfProperty(master.getFirstProperty('recurrence-id'), timeZone),
		cancelled: method === 'CANCEL' || status === 'CANCELLED',
		organizer,
		attendees: attendees.slice(0, 500),
		recurrence
	};
}

/** A DATE or DATE-TIME property as an instant (in its own TZID, else the event's zone); null without one. */
function instantOfProperty(property: ICAL.Property | null, timeZone: string): string | null {
	const value = property?.getFirstValue();
	return value instanceof ICAL.Time ? instantOfValue(value, parameter(property!, 'tzid'), timeZone) : null;
}

function expand({
	rule,
	master,
	overrides,
	startAt,
	duration,
	timeZone,
	allDay,
	title,
	location,
	now
}: {
	rule: ICAL.Recur;
	master: ICAL.Component;
	overrides: ICAL.Component[];
	startAt: string;
	duration: number;
	timeZone: string;
	allDay: boolean;
	title: string;
	location: string | null;
	now: Date;
}): NonNullable<Invitation['recurrence']> {
	const windowStart = Math.max(Date.parse(startAt), now.getTime() - PAST_DAYS * 86_400_000);
	const windowEnd = Math.max(Date.parse(startAt), now.getTime()) + HORIZON_DAYS * 86_400_000;
	const recur = rule.clone();
	// UNTIL in UTC (Outlook, Google) compared with floating wall times: bring it to the event's wall clock.
	if (recur.until) {
		const untilInstant = instantOfValue(recur.until, null, timeZone);
		recur.until = floatingIn(untilInstant, timeZone, recur.until.isDate);
	}
	const excluded = new Set(
		timeValues(master, 'exdate').map(({ time, tzid }) => Date.parse(instantOfValue(time, tzid, timeZone)))
	);
	const byOccurrence = new Map<number, ICAL.Component>();
	for (const override of overrides) {
		const instant = instantOfProperty(override.getFirstProperty('recurrence-id'), timeZone);
		if (instant) byOccurrence.set(Date.parse(instant), override);
	}
	const iterator = recur.iterator(floatingIn(startAt, timeZone, allDay));
	const occurrences: InvitationOccurrence[] = [];
	let truncated = false;
	// A rule that never ends is still read only this far: enough for any horizon of a year.
	for (let steps = 0; steps < 10_000; steps++) {
		const next = iterator.next();
		if (!next) break;
		const occurrence = instantIn(wallOf(next), timeZone);
		const at = Date.parse(occurrence);
		if (at > windowEnd) {
			truncated = true;
			break;
		}
		if (at < windowStart || excluded.has(at)) continue;
		if (occurrences.length === MAX_OCCURRENCES) {
			truncated = true;
			break;
		}
		const override = byOccurrence.get(at);
		occurrences.push(
			override
				? overridden(override, occurrence, timeZone, duration, title, location)
				: {
						occurrence,
						startAt: occurrence,
						endAt: new Date(at + duration).toISOString(),
						title,
						location,
						cancelled: false
					}
		);
	}
	if (occurrences.length === 0) {
		throw new InvalidInvitation(m.inbox_parse_no_occurrence());
	}
	return {
		rule: rule.toString(),
		occurrences,
		truncated,
		windowStart: new Date(windowStart).toISOString(),
		windowEnd: new Date(windowEnd).toISOString()
	};
}

/** One occurrence as its RECURRENCE-ID override moves, retitles or cancels it. */
function overridden(
	override: ICAL.Component,
	occurrence: string,
	timeZone: string,
	duration: number,
	title: string,
	location: string | null
): InvitationOccurrence {
	const instant = (name: string) => instantOfProperty(override.getFirstProperty(name), timeZone);
	const startAt = instant('dtstart') ?? occurrence;
	const endAt = instant('dtend') ?? new Date(Date.parse(startAt) + duration).toISOString();
	return {
		occurrence,
		startAt,
		endAt:
			Date.parse(endAt) > Date.parse(startAt)
				? endAt
				: new Date(Date.parse(startAt) + duration).toISOString(),
		title: text(override, 'summary', 300) ?? title,
		location: text(override, 'location', 500) ?? location,
		cancelled: text(override, 'status', 20)?.toUpperCase() === 'CANCELLED'
	};
}
