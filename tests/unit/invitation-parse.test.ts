/**
 * Partners' invitations as the import reads them (src/lib/server/inbox/invitation.parse.ts), in the
 * shapes Outlook, Google Calendar and Apple Calendar send (tests/helpers/partner-invitations.ts).
 */
import { describe, expect, test } from 'vitest';
import {
	ianaZoneOf,
	InvalidInvitation,
	MAX_INVITATION_BYTES,
	parseInvitation
} from '$lib/server/inbox/invitation.parse';
import { appleInvitation, googleInvitation, outlookInvitation } from '../helpers/partner-invitations';

const now = new Date('2027-09-01T00:00:00Z');
const read = (text: string) => parseInvitation(text, { now, fallbackZone: 'Asia/Baku' });

describe('one event', () => {
	test('Outlook: "Azerbaijan Standard Time" is Asia/Baku, so 10:00 there is 06:00 UTC', () => {
		const invitation = read(
			outlookInvitation({ uid: 'outlook-1', sequence: 2, location: 'Ministry of Foreign Affairs, Baku' })
		);
		expect(invitation).toMatchObject({
			method: 'REQUEST',
			uid: 'outlook-1',
			sequence: 2,
			title: 'Consultations on labour migration',
			timeZone: 'Asia/Baku',
			zoneGiven: 'Azerbaijan Standard Time',
			startAt: '2027-10-12T06:00:00.000Z',
			endAt: '2027-10-12T07:30:00.000Z',
			location: 'Ministry of Foreign Affairs, Baku',
			cancelled: false,
			recurrence: null
		});
		expect(invitation.organizer).toEqual({
			address: 'anna.keller@bamf.example',
			name: 'Anna Keller',
			role: null,
			partstat: null
		});
		expect(invitation.attendees.map((a) => a.address)).toEqual([
			'protocol@migration.example',
			'anna.keller@bamf.example'
		]);
	});

	test('Outlook: "W. Europe Standard Time" in summer is Europe/Berlin at UTC+2', () => {
		const invitation = read(
			outlookInvitation(
				{ uid: 'o-2', start: '20270615T090000', end: '20270615T100000' },
				'W. Europe Standard Time'
			)
		);
		expect([invitation.timeZone, invitation.startAt]).toEqual(['Europe/Berlin', '2027-06-15T07:00:00.000Z']);
	});

	test('Google: an IANA zone with its own VTIMEZONE, and the Meet link as the online place', () => {
		const invitation = read(
			googleInvitation({ uid: 'google-1', start: '20271012T100000', end: '20271012T110000' })
		);
		expect(invitation).toMatchObject({
			timeZone: 'Europe/Berlin',
			zoneGiven: null,
			startAt: '2027-10-12T08:00:00.000Z',
			endAt: '2027-10-12T09:00:00.000Z',
			onlineUrl: 'https://meet.google.com/abc-defg-hij',
			location: null
		});
	});

	test('Apple: addresses with capitals are case-folded', () => {
		const invitation = read(appleInvitation({ uid: 'apple-1', location: 'Hyatt Regency' }));
		expect(invitation.organizer?.address).toBe('anna.keller@bamf.example');
		expect(invitation.attendees.map((a) => a.address)).toEqual([
			'protocol@migration.example',
			'anna.keller@bamf.example'
		]);
		expect([invitation.startAt, invitation.location]).toEqual(['2027-10-12T06:00:00.000Z', 'Hyatt Regency']);
	});

	test('a CANCEL is a cancellation of the same UID', () => {
		const invitation = read(outlookInvitation({ uid: 'outlook-1', method: 'CANCEL', sequence: 3 }));
		expect([invitation.method, invitation.cancelled, invitation.sequence]).toEqual(['CANCEL', true, 3]);
	});
});

describe('recurring', () => {
	test('a weekly RRULE with UNTIL in UTC and an EXDATE: the day excluded is left out, the last one kept', () => {
		const invitation = read(
			outlookInvitation({
				uid: 'weekly',
				rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20271109T060000Z',
				exdates: ['20271026T100000']
			})
		);
		expect(invitation.recurrence?.occurrences.map((o) => o.startAt)).toEqual([
			'2027-10-12T06:00:00.000Z',
			'2027-10-19T06:00:00.000Z',
			'2027-11-02T06:00:00.000Z',
			'2027-11-09T06:00:00.000Z'
		]);
		expect(invitation.recurrence?.truncated).toBe(false);
	});

	test('wall-clock time is kept across summer time: 10:00 in Berlin is 08:00 UTC in October, 09:00 in November', () => {
		const invitation = read(
			googleInvitation({
				uid: 'berlin',
				rrule: 'FREQ=WEEKLY;COUNT=3',
				start: '20271019T100000',
				end: '20271019T110000'
			})
		);
		expect(invitation.recurrence?.occurrences.map((o) => o.startAt)).toEqual([
			'2027-10-19T08:00:00.000Z',
			'2027-10-26T08:00:00.000Z',
			'2027-11-02T09:00:00.000Z'
		]);
	});

	test('a RECURRENCE-ID override moves its occurrence, keeping the occurrence it replaces as its key', () => {
		const invitation = read(
			outlookInvitation({
				uid: 'moved',
				rrule: 'FREQ=WEEKLY;COUNT=3',
				override: {
					recurrenceId: '20271019T100000',
					start: '20271020T140000',
					end: '20271020T150000',
					summary: 'Moved'
				}
			})
		);
		expect(invitation.recurrence?.occurrences[1]).toEqual({
			occurrence: '2027-10-19T06:00:00.000Z',
			startAt: '2027-10-20T10:00:00.000Z',
			endAt: '2027-10-20T11:00:00.000Z',
			title: 'Moved',
			location: null,
			cancelled: false
		});
	});

	test('a rule without end stops at the horizon: a year ahead, at most 100', () => {
		const daily = read(outlookInvitation({ uid: 'daily', rrule: 'FREQ=DAILY' }));
		expect(daily.recurrence?.occurrences).toHaveLength(100);
		expect(daily.recurrence?.truncated).toBe(true);
		const monthly = read(outlookInvitation({ uid: 'monthly', rrule: 'FREQ=MONTHLY' }));
		// 12 October 2027 to 11 October 2028, a year after the first: 12 occurrences, the 13th beyond.
		expect(monthly.recurrence?.occurrences).toHaveLength(12);
		expect(monthly.recurrence?.truncated).toBe(true);
	});
});

describe('refused, with why', () => {
	const refusal = (text: string) => {
		try {
			read(text);
		} catch (error) {
			expect(error).toBeInstanceOf(InvalidInvitation);
			return (error as Error).message;
		}
		throw new Error('accepted');
	};

	test('not iCalendar', () => {
		expect(refusal('Dear colleagues, please come on Tuesday.')).toBe(
			'This is not an iCalendar file (no BEGIN:VCALENDAR).'
		);
	});

	test('broken iCalendar', () => {
		expect(refusal('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nthis is not a line\r\n')).toMatch(
			/^The calendar could not be read/
		);
	});

	test('no VEVENT', () => {
		expect(refusal('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n')).toBe(
			'The calendar holds no event (no VEVENT).'
		);
	});

	test('a reply is not an invitation', () => {
		expect(refusal(outlookInvitation({ uid: 'r' }).replace('METHOD:REQUEST', 'METHOD:REPLY'))).toMatch(
			/REPLY/
		);
	});

	test('an unknown zone', () => {
		expect(refusal(outlookInvitation({ uid: 'z' }, 'Middle Earth Standard Time'))).toBe(
			'The time zone "Middle Earth Standard Time" is neither an IANA zone nor a Windows one.'
		);
	});

	test('a huge file', () => {
		const huge = outlookInvitation({ uid: 'h' }).replace(
			'DESCRIPTION;LANGUAGE=en-US:Agenda to follow.\\n',
			`DESCRIPTION:${'x'.repeat(MAX_INVITATION_BYTES)}`
		);
		expect(refusal(huge)).toMatch(/larger than 256 kB/);
	});

	test('no UID', () => {
		expect(refusal(outlookInvitation({ uid: 'u' }).replace('UID:u\r\n', ''))).toMatch(/no UID/);
	});
});

test('zone names: IANA as it is, Windows through CLDR, unknown as null', () => {
	expect(ianaZoneOf('Europe/Paris')).toBe('Europe/Paris');
	expect(ianaZoneOf('Azerbaijan Standard Time')).toBe('Asia/Baku');
	expect(ianaZoneOf('Romance Standard Time')).toBe('Europe/Paris');
	expect(ianaZoneOf('Nowhere')).toBeNull();
});
