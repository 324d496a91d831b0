/**
 * The iCalendar builder, read back by ical.js: UID, SEQUENCE, DTSTAMP, METHOD, DTSTART with a TZID the
 * file defines, ORGANIZER and ATTENDEE parameters; a meeting in Baku lands at the right hour in Geneva
 * in winter and in summer; text with separators, line breaks and any script survives, and nothing typed
 * can add a property.
 */
import { describe, expect, test } from 'vitest';
import { buildCalendar, type IcalEventInput } from '$lib/server/ical/ical.calendar';
import { attendeeRoleOf, icalStatusOf, partstatOf } from '$lib/server/ical/ical.event';
import { attendeesOf, clockIn, parseCalendar } from '../helpers/ical';

const baku = (overrides: Partial<IcalEventInput> = {}): IcalEventInput => ({
	uid: 'event-42@protokol.test',
	sequence: 3,
	stamp: '2026-11-24T09:30:00.000Z',
	// 15:00–16:00 in Baku (UTC+4 all year).
	start: '2026-01-15T11:00:00.000Z',
	end: '2026-01-15T12:00:00.000Z',
	timeZone: 'Asia/Baku',
	summary: 'Meeting with the Regional Director of IOM',
	status: 'CONFIRMED',
	...overrides
});

describe('an invitation', () => {
	const text = buildCalendar({
		method: 'REQUEST',
		events: [
			baku({
				organizer: { name: 'State Migration Service, Protocol', email: 'protocol@migration.gov.az' },
				attendees: [
					{
						name: 'Vüsal Hüseynov',
						email: 'chief@migration.gov.az',
						role: 'CHAIR',
						partstat: 'ACCEPTED',
						rsvp: true
					},
					{
						name: 'Владимир Ѓорѓиев',
						email: 'vg@iom.int',
						role: 'REQ-PARTICIPANT',
						partstat: 'NEEDS-ACTION',
						rsvp: true
					},
					{
						name: 'Observer, "Press"',
						email: 'press@example.org',
						role: 'OPT-PARTICIPANT',
						partstat: 'TENTATIVE',
						rsvp: true
					}
				]
			})
		]
	});
	const { calendar, events, zones } = parseCalendar(text);
	const [event] = events;

	test('names its method, UID, SEQUENCE and DTSTAMP in UTC', () => {
		expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
		expect(calendar.getFirstPropertyValue('prodid')).toContain('Protokol');
		expect(event!.uid).toBe('event-42@protokol.test');
		expect(event!.sequence).toBe(3);
		const stamp = event!.component.getFirstPropertyValue('dtstamp') as unknown as {
			toString(): string;
			zone: { tzid: string };
		};
		expect(stamp.toString()).toBe('2026-11-24T09:30:00Z');
		expect(text).toMatch(/^DTSTAMP:20261124T093000Z\r$/m);
	});

	test('starts at a TZID the file defines with its VTIMEZONE', () => {
		expect(event!.startDate.zone?.tzid).toBe('Asia/Baku');
		expect(zones).toEqual(['Asia/Baku']);
		expect(clockIn(event!.startDate, 'Asia/Baku')).toBe('15:00');
	});

	test('the organizer and each attendee carry CN, ROLE, PARTSTAT and RSVP', () => {
		const organizer = event!.component.getFirstProperty('organizer')!;
		expect(organizer.getFirstValue()).toBe('mailto:protocol@migration.gov.az');
		expect(organizer.getParameter('cn')).toBe('State Migration Service, Protocol');
		const attendees = attendeesOf(event!);
		expect(attendees.get('chief@migration.gov.az')).toMatchObject({
			cn: 'Vüsal Hüseynov',
			role: 'CHAIR',
			partstat: 'ACCEPTED',
			rsvp: 'TRUE'
		});
		expect(attendees.get('vg@iom.int')).toMatchObject({
			cn: 'Владимир Ѓорѓиев',
			role: 'REQ-PARTICIPANT',
			partstat: 'NEEDS-ACTION'
		});
		expect(attendees.get('press@example.org')).toMatchObject({
			cn: 'Observer, "Press"',
			role: 'OPT-PARTICIPANT'
		});
	});

	test('lines are folded at 75 octets and end in CRLF', () => {
		for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
		expect(text.replace(/\r\n/g, '')).not.toContain('\n');
	});
});

describe('time zones', () => {
	test('15:00 in Baku is 12:00 in Geneva in winter and 13:00 in summer', () => {
		const winter = parseCalendar(buildCalendar({ events: [baku()] })).events[0]!;
		const summer = parseCalendar(
			buildCalendar({
				events: [baku({ start: '2026-07-15T11:00:00.000Z', end: '2026-07-15T12:00:00.000Z' })]
			})
		).events[0]!;
		expect(clockIn(winter.startDate, 'Asia/Baku')).toBe('15:00');
		expect(clockIn(winter.startDate, 'Europe/Zurich')).toBe('12:00');
		expect(clockIn(summer.startDate, 'Asia/Baku')).toBe('15:00');
		expect(clockIn(summer.startDate, 'Europe/Zurich')).toBe('13:00');
	});

	test('a file with events in several zones defines each, and the calendar zone comes before the events', () => {
		const text = buildCalendar({
			name: 'Protokol: office',
			timeZone: 'Asia/Baku',
			refreshMinutes: 60,
			events: [baku(), baku({ uid: 'geneva@protokol.test', timeZone: 'Europe/Zurich' })]
		});
		const { calendar, zones } = parseCalendar(text);
		expect(zones.sort()).toEqual(['Asia/Baku', 'Europe/Zurich']);
		expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Asia/Baku');
		expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Protokol: office');
		expect(text).toMatch(/^REFRESH-INTERVAL;VALUE=DURATION:PT1H\r$/m);
		expect(text).toMatch(/^X-PUBLISHED-TTL:PT1H\r$/m);
		expect(text.indexOf('X-WR-TIMEZONE')).toBeLessThan(text.indexOf('BEGIN:VEVENT'));
	});
});

describe('text', () => {
	test('commas, semicolons, backslashes, line breaks and any script survive a round trip', () => {
		const summary = 'Azərbaycan; IOM, UNHCR \\ Гёргиев\nsecond line';
		const location = 'Bakı, 202 Ü. Hacıbəyov küçəsi; 3rd floor';
		const event = parseCalendar(
			buildCalendar({ events: [baku({ summary, location, description: 'a\r\nb' })] })
		).events[0]!;
		expect(event.summary).toBe(summary);
		expect(event.location).toBe(location);
		expect(event.description).toBe('a\nb');
	});

	test('nothing typed into a title or a name adds a property or a parameter', () => {
		const text = buildCalendar({
			method: 'REQUEST',
			events: [
				baku({
					summary: 'Tea\r\nATTENDEE:mailto:intruder@example.org\r\nEND:VEVENT',
					attendees: [
						{
							name: 'X";ROLE=CHAIR;CN="Y:mailto:z@example.org',
							email: 'guest@example.org',
							role: 'REQ-PARTICIPANT',
							partstat: 'NEEDS-ACTION',
							rsvp: true
						}
					]
				})
			]
		});
		const { events } = parseCalendar(text);
		expect(events).toHaveLength(1);
		const attendees = attendeesOf(events[0]!);
		expect([...attendees.keys()]).toEqual(['guest@example.org']);
		expect(attendees.get('guest@example.org')).toMatchObject({ role: 'REQ-PARTICIPANT' });
		expect(events[0]!.summary).toBe('Tea\nATTENDEE:mailto:intruder@example.org\nEND:VEVENT');
	});
});

describe('our vocabulary in iCalendar terms', () => {
	test('statuses, answers and roles', () => {
		expect(icalStatusOf('cancelled')).toBe('CANCELLED');
		expect(icalStatusOf('postponed')).toBe('TENTATIVE');
		expect(icalStatusOf('planned')).toBe('CONFIRMED');
		expect(partstatOf('invited')).toBe('NEEDS-ACTION');
		expect(partstatOf('declined')).toBe('DECLINED');
		expect(partstatOf('attended')).toBe('ACCEPTED');
		expect(attendeeRoleOf('speaker', ['chair'])).toBe('CHAIR');
		expect(attendeeRoleOf('delegation_member', [])).toBe('REQ-PARTICIPANT');
		expect(attendeeRoleOf('observer', [])).toBe('OPT-PARTICIPANT');
	});
});
