/**
 * An iTIP message (RFC 5546) as the inbox needs it, read from a calendar part with ical.js: METHOD, the
 * event's UID and SEQUENCE, DTSTAMP, each ATTENDEE with PARTSTAT, SENT-BY and DELEGATED-FROM, and for a
 * COUNTER the proposed DTSTART and DTEND as UTC instants. Pure: no database, no mail.
 */
import ICAL from 'ical.js';
import { DateTime } from 'luxon';

export interface ItipAttendee {
	/** The mailto: address, lower-cased: addresses are compared case-folded. */
	address: string;
	partstat: string | null;
	/** SENT-BY: who may send for the attendee (a secretary), lower-cased. */
	sentBy: string | null;
	/** DELEGATED-FROM: the invited attendee a delegate answers for, lower-cased. */
	delegatedFrom: string | null;
}

export interface ItipMessage {
	method: string;
	uid: string | null;
	sequence: number;
	/** DTSTAMP as a UTC instant: when the attendee's program made the message. */
	stamp: string | null;
	attendees: ItipAttendee[];
	/** The ORGANIZER's address, lower-cased. */
	organizer: string | null;
	comment: string | null;
	/** DTSTART and DTEND as UTC instants (what a COUNTER proposes); null when absent or unreadable. */
	start: string | null;
	end: string | null;
}

export class UnreadableCalendar extends Error {}

/** "mailto:Jane@Example.org" → "jane@example.org"; anything that is not an address → null. */
export function addressOf(value: unknown): string | null {
	if (typeof value !== 'string') return null;
	const address = value
		.trim()
		.replace(/^mailto:/i, '')
		.trim()
		.toLowerCase();
	return /^[^\s@]+@[^\s@]+$/.test(address) ? address : null;
}

function firstParameter(property: ICAL.Property, name: string): string | null {
	const value: unknown = property.getParameter(name);
	const first = Array.isArray(value) ? value[0] : value;
	return typeof first === 'string' ? first : null;
}

/**
 * A DATE-TIME as a UTC instant: UTC as given; with a TZID, through the calendar's own VTIMEZONE when
 * it has one (Outlook's "W. Europe Standard Time"), else the IANA zone of that name; floating or an
 * unknown zone: null (the instant cannot be known).
 */
function instantOf(property: ICAL.Property | null, zones: Map<string, ICAL.Timezone>): string | null {
	if (!property) return null;
	const time = property.getFirstValue();
	if (!(time instanceof ICAL.Time)) return null;
	if (time.zone === ICAL.Timezone.utcTimezone || time.zone?.tzid === 'UTC') {
		return time.toJSDate().toISOString();
	}
	const tzid = firstParameter(property, 'tzid');
	if (!tzid) return null;
	const own = zones.get(tzid);
	if (own) {
		const local = new ICAL.Time(
			{
				year: time.year,
				month: time.month,
				day: time.day,
				hour: time.hour,
				minute: time.minute,
				second: time.second,
				isDate: time.isDate
			},
			own
		);
		return local.toJSDate().toISOString();
	}
	const zoned = DateTime.fromObject(
		{
			year: time.year,
			month: time.month,
			day: time.day,
			hour: time.hour,
			minute: time.minute,
			second: time.second
		},
		{ zone: tzid }
	);
	return zoned.isValid ? zoned.toUTC().toISO({ suppressMilliseconds: false }) : null;
}

/** Reads the first VEVENT of an iTIP calendar object; throws UnreadableCalendar with why. */
export function parseItip(text: string): ItipMessage {
	let calendar: ICAL.Component;
	try {
		calendar = new ICAL.Component(ICAL.parse(text));
	} catch (error) {
		throw new UnreadableCalendar(
			`The calendar part could not be read: ${error instanceof Error ? error.message : String(error)}`.slice(
				0,
				300
			)
		);
	}
	if (calendar.name !== 'vcalendar') throw new UnreadableCalendar('The calendar part holds no VCALENDAR.');
	const method = calendar.getFirstPropertyValue('method');
	if (typeof method !== 'string' || !method) {
		throw new UnreadableCalendar('The calendar has no METHOD: it is not an iTIP message.');
	}
	const event = calendar.getFirstSubcomponent('vevent');
	if (!event) throw new UnreadableCalendar('The calendar has no VEVENT.');
	const zones = new Map<string, ICAL.Timezone>();
	for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
		const zone = new ICAL.Timezone(vtimezone);
		if (zone.tzid) zones.set(zone.tzid, zone);
	}
	const uid = event.getFirstPropertyValue('uid');
	const sequence = Number(event.getFirstPropertyValue('sequence') ?? 0);
	const attendees = event.getAllProperties('attendee').flatMap((property) => {
		const address = addressOf(property.getFirstValue());
		if (!address) return [];
		return [
			{
				address,
				partstat: firstParameter(property, 'partstat')?.toUpperCase() ?? null,
				sentBy: addressOf(firstParameter(property, 'sent-by')),
				delegatedFrom: addressOf(firstParameter(property, 'delegated-from'))
			}
		];
	});
	const comment = event.getFirstPropertyValue('comment');
	return {
		method: method.toUpperCase(),
		uid: typeof uid === 'string' && uid ? uid : null,
		sequence: Number.isInteger(sequence) && sequence >= 0 ? sequence : 0,
		stamp: instantOf(event.getFirstProperty('dtstamp'), zones),
		attendees,
		organizer: addressOf(event.getFirstPropertyValue('organizer')),
		comment: typeof comment === 'string' && comment.trim() ? comment.trim().slice(0, 2000) : null,
		start: instantOf(event.getFirstProperty('dtstart'), zones),
		end: instantOf(event.getFirstProperty('dtend'), zones)
	};
}
