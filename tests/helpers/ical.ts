/**
 * Reading iCalendar back with ical.js — the parser inside Thunderbird — independent of what wrote it.
 * Every VTIMEZONE in the text is registered, so a TZID that resolves is one the file itself defines.
 */
import ICAL from 'ical.js';
import { vtimezoneOf } from '$lib/server/ical/ical.calendar';

export interface ParsedCalendar {
	calendar: ICAL.Component;
	events: ICAL.Event[];
	/** TZIDs the file defines with a VTIMEZONE. */
	zones: string[];
}

export function parseCalendar(text: string): ParsedCalendar {
	const calendar = new ICAL.Component(ICAL.parse(text));
	const zones: string[] = [];
	for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
		const zone = new ICAL.Timezone(vtimezone);
		ICAL.TimezoneService.register(zone, zone.tzid);
		zones.push(zone.tzid);
	}
	const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
	return { calendar, events, zones };
}

/** "HH:MM" of an ICAL.Time as a clock in `zone` shows it (the zone's VTIMEZONE loaded from our library). */
export function clockIn(time: ICAL.Time, zone: string): string {
	if (!ICAL.TimezoneService.has(zone)) {
		const vtimezone = new ICAL.Component(
			ICAL.parse(`BEGIN:VCALENDAR\r\n${vtimezoneOf(zone)}\r\nEND:VCALENDAR`)
		);
		const tz = new ICAL.Timezone(vtimezone.getFirstSubcomponent('vtimezone')!);
		ICAL.TimezoneService.register(tz, zone);
	}
	const local = time.convertToZone(ICAL.TimezoneService.get(zone)!);
	return `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
}

/** The parameters of each ATTENDEE line, by e-mail address. */
export function attendeesOf(event: ICAL.Event): Map<string, Record<string, unknown>> {
	const found = new Map<string, Record<string, unknown>>();
	for (const property of event.component.getAllProperties('attendee')) {
		const address = String(property.getFirstValue()).replace(/^mailto:/i, '');
		found.set(address, property.toJSON()[1] as Record<string, unknown>);
	}
	return found;
}
