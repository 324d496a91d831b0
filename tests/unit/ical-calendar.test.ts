/**
 * The iCalendar builder, read back by ical.js: UID, SEQUENCE, DTSTAMP, METHOD, DTSTART with a TZID the
 * file defines, ORGANIZER and ATTENDEE parameters; a meeting in Baku lands at the right hour in Geneva
 * in winter and in summer; text with separators, line breaks and any script survives, and nothing typed
 * can add a property.
 */
import { describe, expect, test } from 'vitest';
import {
	buildCalendar,
	buildCalendarWhole,
	keptVevents,
	type IcalEventInput
} from '$lib/server/ical/ical.calendar';
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

describe('kept VEVENT text', () => {
	const geneva = baku({
		uid: 'event-43@protokol.test',
		timeZone: 'Europe/Zurich',
		summary: 'Consultation in Geneva',
		attendees: [
			{
				name: 'Leyla Aliyeva',
				email: 'leyla@example.org',
				role: 'REQ-PARTICIPANT',
				partstat: 'ACCEPTED',
				rsvp: false
			}
		]
	});
	const feed = (events: IcalEventInput[]) =>
		buildCalendar({ name: 'Office', timeZone: 'Asia/Baku', refreshMinutes: 60, events });

	test('a calendar made from kept text reads byte for byte as one made afresh', () => {
		keptVevents.forget();
		const fresh = feed([geneva, baku()]);
		expect(keptVevents.count()).toBe(2);
		keptVevents.forget();
		feed([baku()]);
		const mixed = feed([geneva, baku()]);
		const kept = feed([geneva, baku()]);
		expect(mixed).toBe(fresh);
		expect(kept).toBe(fresh);
		expect(kept).toBe(
			buildCalendarWhole({
				name: 'Office',
				timeZone: 'Asia/Baku',
				refreshMinutes: 60,
				events: [geneva, baku()]
			})
		);
		// Each zone's VTIMEZONE once, in the order the events name them.
		expect(kept.indexOf('TZID:Europe/Zurich')).toBeLessThan(kept.indexOf('TZID:Asia/Baku'));
		expect(kept.match(/BEGIN:VTIMEZONE/g)).toHaveLength(2);
	});

	test('a changed event is written again, never taken from what was kept', () => {
		keptVevents.forget();
		feed([baku()]);
		const changed = feed([
			baku({ sequence: 4, summary: 'Meeting moved', stamp: '2026-11-25T08:00:00.000Z' })
		]);
		expect(changed).toContain('SUMMARY:Meeting moved');
		expect(changed).toContain('SEQUENCE:4');
		expect(changed).not.toContain('Regional Director');
		expect(keptVevents.count()).toBe(2);
	});

	test('an invitation and a feed keep their own text of the same event', () => {
		keptVevents.forget();
		const published = buildCalendar({ method: 'PUBLISH', events: [geneva] });
		const requested = buildCalendar({ method: 'REQUEST', events: [geneva] });
		expect(keptVevents.count()).toBe(2);
		expect(requested).toContain('METHOD:REQUEST');
		expect(published).toContain('METHOD:PUBLISH');
		expect(requested).toBe(buildCalendarWhole({ method: 'REQUEST', events: [geneva] }));
	});

	test('any calendar reads as ical-generator writes it whole: with or without events, zones, interval', () => {
		const long = baku({
			uid: 'event-44@protokol.test',
			description: 'Agenda: ' + 'Opening, welcome by the Chief of the State Migration Service; '.repeat(8),
			location: 'Bakı, Azərbaycan Respublikası Dövlət Miqrasiya Xidməti — Зал заседаний'
		});
		const inputs = [
			{ events: [] },
			{ name: 'Office', timeZone: 'Asia/Baku', refreshMinutes: 60, events: [] },
			{ method: 'CANCEL' as const, events: [long] },
			{ name: 'Mine', events: [geneva, long, baku(), geneva] },
			{ name: 'Office', timeZone: 'Europe/Zurich', refreshMinutes: 15, events: [long, geneva] }
		];
		for (const input of inputs) {
			const whole = buildCalendarWhole(input);
			expect(buildCalendar(input)).toBe(whole);
			expect(buildCalendar(input)).toBe(whole);
		}
	});
});
