/**
 * Invitations as partners' calendar programs send them (RFC 5546 REQUEST and CANCEL), each in its
 * program's documented shape:
 * - Outlook / Exchange: Windows zone names in TZID with their own VTIMEZONE ("Azerbaijan Standard
 *   Time"), CN in quotes, ROLE=REQ-PARTICIPANT, X-MICROSOFT-CDO-* lines, UNTIL in UTC, EXDATE;TZID=.
 * - Google Calendar: IANA TZID with a VTIMEZONE, X-WR-TIMEZONE, attendees with X-NUM-GUESTS, an
 *   ORGANIZER that is also an ATTENDEE.
 * - Apple Calendar: IANA TZID, X-APPLE-* lines, capitals in the addresses, a quoted-printable part.
 * And the e-mail that carries one (multipart/alternative with text/calendar; method=REQUEST).
 */
import { randomBytes } from 'node:crypto';

const CRLF = '\r\n';

export interface InvitationFields {
	uid: string;
	sequence?: number;
	method?: 'REQUEST' | 'CANCEL';
	summary?: string;
	/** Wall-clock times in the zone: 20271012T100000. */
	start?: string;
	end?: string;
	location?: string;
	organizer?: { name: string; email: string };
	attendees?: { name: string; email: string; role?: string }[];
	rrule?: string;
	exdates?: string[];
	/** An override of one occurrence: its RECURRENCE-ID wall time, and the new start and end. */
	override?: { recurrenceId: string; start: string; end: string; summary?: string };
	stamp?: string;
}

const defaults = (f: InvitationFields) => ({
	sequence: 0,
	method: 'REQUEST' as const,
	summary: 'Consultations on labour migration',
	start: '20271012T100000',
	end: '20271012T113000',
	organizer: { name: 'Anna Keller', email: 'anna.keller@bamf.example' },
	attendees: [
		{ name: 'Protocol Office', email: 'protocol@migration.example' },
		{ name: 'Anna Keller', email: 'anna.keller@bamf.example' }
	],
	stamp: '20270901T080000Z',
	...f
});

const attendeeLines = (f: ReturnType<typeof defaults>, extra: string) =>
	f.attendees.map(
		(a) =>
			`ATTENDEE;ROLE=${a.role ?? 'REQ-PARTICIPANT'};PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN="${a.name}"${extra}:mailto:${a.email}`
	);

/** Outlook's REQUEST: the Windows zone "Azerbaijan Standard Time" (UTC+4, no summer time since 2016). */
export function outlookInvitation(fields: InvitationFields, zone = 'Azerbaijan Standard Time'): string {
	const f = defaults(fields);
	return [
		'BEGIN:VCALENDAR',
		`METHOD:${f.method}`,
		'PRODID:Microsoft Exchange Server 2010',
		'VERSION:2.0',
		'BEGIN:VTIMEZONE',
		`TZID:${zone}`,
		'BEGIN:STANDARD',
		'DTSTART:16010101T000000',
		'TZOFFSETFROM:+0400',
		'TZOFFSETTO:+0400',
		'END:STANDARD',
		'BEGIN:DAYLIGHT',
		'DTSTART:16010101T000000',
		'TZOFFSETFROM:+0400',
		'TZOFFSETTO:+0400',
		'END:DAYLIGHT',
		'END:VTIMEZONE',
		'BEGIN:VEVENT',
		`ORGANIZER;CN="${f.organizer.name}":mailto:${f.organizer.email}`,
		...attendeeLines(f, ''),
		'DESCRIPTION;LANGUAGE=en-US:Agenda to follow.\\n',
		...(f.rrule ? [`RRULE:${f.rrule}`] : []),
		...(f.exdates ?? []).map((d) => `EXDATE;TZID=${zone}:${d}`),
		`UID:${f.uid}`,
		`SUMMARY;LANGUAGE=en-US:${f.summary}`,
		`DTSTART;TZID=${zone}:${f.start}`,
		`DTEND;TZID=${zone}:${f.end}`,
		'CLASS:PUBLIC',
		'PRIORITY:5',
		`DTSTAMP:${f.stamp}`,
		'TRANSP:OPAQUE',
		`STATUS:${f.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
		`SEQUENCE:${f.sequence}`,
		...(f.location ? [`LOCATION;LANGUAGE=en-US:${f.location}`] : []),
		'X-MICROSOFT-CDO-APPT-SEQUENCE:' + f.sequence,
		'X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE',
		'X-MICROSOFT-CDO-IMPORTANCE:1',
		'X-MICROSOFT-DISALLOW-COUNTER:FALSE',
		'END:VEVENT',
		...(f.override
			? [
					'BEGIN:VEVENT',
					`ORGANIZER;CN="${f.organizer.name}":mailto:${f.organizer.email}`,
					`UID:${f.uid}`,
					`RECURRENCE-ID;TZID=${zone}:${f.override.recurrenceId}`,
					`SUMMARY;LANGUAGE=en-US:${f.override.summary ?? f.summary}`,
					`DTSTART;TZID=${zone}:${f.override.start}`,
					`DTEND;TZID=${zone}:${f.override.end}`,
					`DTSTAMP:${f.stamp}`,
					`SEQUENCE:${f.sequence}`,
					'END:VEVENT'
				]
			: []),
		'END:VCALENDAR',
		''
	].join(CRLF);
}

/** Google Calendar's REQUEST: IANA TZID, X-WR-TIMEZONE, UNTIL in UTC. */
export function googleInvitation(fields: InvitationFields, zone = 'Europe/Berlin'): string {
	const f = defaults(fields);
	return [
		'BEGIN:VCALENDAR',
		'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
		'VERSION:2.0',
		'CALSCALE:GREGORIAN',
		`METHOD:${f.method}`,
		`X-WR-TIMEZONE:${zone}`,
		'BEGIN:VTIMEZONE',
		`TZID:${zone}`,
		'X-LIC-LOCATION:' + zone,
		'BEGIN:DAYLIGHT',
		'TZOFFSETFROM:+0100',
		'TZOFFSETTO:+0200',
		'TZNAME:CEST',
		'DTSTART:19700329T020000',
		'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
		'END:DAYLIGHT',
		'BEGIN:STANDARD',
		'TZOFFSETFROM:+0200',
		'TZOFFSETTO:+0100',
		'TZNAME:CET',
		'DTSTART:19701025T030000',
		'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
		'END:STANDARD',
		'END:VTIMEZONE',
		'BEGIN:VEVENT',
		`DTSTART;TZID=${zone}:${f.start}`,
		`DTEND;TZID=${zone}:${f.end}`,
		...(f.rrule ? [`RRULE:${f.rrule}`] : []),
		...(f.exdates ?? []).map((d) => `EXDATE;TZID=${zone}:${d}`),
		`DTSTAMP:${f.stamp}`,
		`ORGANIZER;CN=${f.organizer.name}:mailto:${f.organizer.email}`,
		`UID:${f.uid}`,
		...attendeeLines(f, ';CUTYPE=INDIVIDUAL;X-NUM-GUESTS=0'),
		'X-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-hij',
		'CREATED:20270901T075500Z',
		'DESCRIPTION:Join with Google Meet: https://meet.google.com/abc-defg-hij',
		'LAST-MODIFIED:20270901T080000Z',
		`LOCATION:${f.location ?? ''}`,
		`SEQUENCE:${f.sequence}`,
		`STATUS:${f.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
		`SUMMARY:${f.summary}`,
		'TRANSP:OPAQUE',
		'END:VEVENT',
		'END:VCALENDAR',
		''
	].join(CRLF);
}

/** Apple Calendar's REQUEST: IANA TZID, X-APPLE lines, the addresses as the card spells them. */
export function appleInvitation(fields: InvitationFields, zone = 'Asia/Baku'): string {
	const f = defaults(fields);
	return [
		'BEGIN:VCALENDAR',
		`METHOD:${f.method}`,
		'VERSION:2.0',
		'PRODID:-//Apple Inc.//macOS 14.4//EN',
		'CALSCALE:GREGORIAN',
		'BEGIN:VTIMEZONE',
		`TZID:${zone}`,
		'BEGIN:STANDARD',
		'DTSTART:20161030T050000',
		'TZOFFSETFROM:+0500',
		'TZOFFSETTO:+0400',
		'TZNAME:GMT+4',
		'END:STANDARD',
		'END:VTIMEZONE',
		'BEGIN:VEVENT',
		'CREATED:20270901T080000Z',
		`UID:${f.uid}`,
		`DTEND;TZID=${zone}:${f.end}`,
		`TRANSP:OPAQUE`,
		'X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC',
		`SUMMARY:${f.summary}`,
		`DTSTART;TZID=${zone}:${f.start}`,
		`DTSTAMP:${f.stamp}`,
		`SEQUENCE:${f.sequence}`,
		`ORGANIZER;CN="${f.organizer.name}";EMAIL=${f.organizer.email.toUpperCase()}:mailto:${f.organizer.email.toUpperCase()}`,
		...f.attendees.map(
			(a) =>
				`ATTENDEE;CN="${a.name}";CUTYPE=INDIVIDUAL;EMAIL=${a.email};PARTSTAT=NEEDS-ACTION;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:${a.email.replace(/^./, (c) => c.toUpperCase())}`
		),
		...(f.location
			? [
					`LOCATION:${f.location}`,
					`X-APPLE-STRUCTURED-LOCATION;VALUE=URI;X-TITLE="${f.location}":geo:40.37,49.83`
				]
			: []),
		'END:VEVENT',
		'END:VCALENDAR',
		''
	].join(CRLF);
}

const base64Lines = (text: string) =>
	Buffer.from(text, 'utf8').toString('base64').replace(/.{76}/g, `$&${CRLF}`);

/** The e-mail Outlook sends with an invitation: text, then the calendar, base64, method=REQUEST. */
export function invitationEmail({
	ics,
	from,
	to,
	subject
}: {
	ics: string;
	from: string;
	to: string;
	subject: string;
}): string {
	const boundary = `_000_${randomBytes(8).toString('hex')}_`;
	const method = /METHOD:(\w+)/.exec(ics)?.[1] ?? 'REQUEST';
	return [
		`From: <${from}>`,
		`To: <${to}>`,
		`Subject: ${subject}`,
		`Date: ${new Date().toUTCString()}`,
		`Message-ID: <${randomBytes(12).toString('hex')}@bamf.example>`,
		'MIME-Version: 1.0',
		`Content-Type: multipart/alternative; boundary="${boundary}"`,
		'',
		`--${boundary}`,
		'Content-Type: text/plain; charset="utf-8"',
		'',
		'You are invited.',
		'',
		`--${boundary}`,
		`Content-Type: text/calendar; charset="utf-8"; method=${method}`,
		'Content-Transfer-Encoding: base64',
		'',
		base64Lines(ics),
		'',
		`--${boundary}--`,
		''
	].join(CRLF);
}
