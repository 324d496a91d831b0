/**
 * Answers to an invitation as calendar programs e-mail them to the organizer (RFC 5546 iTIP over iMIP,
 * RFC 6047), each in its program's own shape:
 * - Outlook: subject "Accepted: …" / "Declined: …", multipart/alternative of text/plain, text/html and a
 *   base64 text/calendar; method=REPLY, with Windows zone names defined by VTIMEZONE.
 * - Google Calendar: multipart/mixed of an alternative (text/plain, text/html, text/calendar;
 *   method=REPLY) and the same object attached as application/ics "invite.ics".
 * - Apple Calendar: multipart/mixed of text/plain and a quoted-printable text/calendar; method=REPLY
 *   attachment "iCal-….ics"; the address as the directory card spells it (capitals).
 * - Thunderbird: multipart/mixed of an alternative (text/plain, 8bit text/calendar; method=REPLY) and
 *   "invite.ics" as application/ics.
 */
import { randomBytes } from 'node:crypto';

export interface ReplyFields {
	uid: string;
	sequence: number;
	/** The attendee's address as their program writes it. */
	attendee: string;
	attendeeName?: string;
	partstat?: 'ACCEPTED' | 'TENTATIVE' | 'DECLINED' | 'DELEGATED' | 'NEEDS-ACTION';
	method?: 'REPLY' | 'COUNTER' | 'REFRESH';
	/** DTSTAMP, an instant. */
	stamp?: string;
	/** The From header; the attendee by default. */
	from?: string;
	sentBy?: string;
	delegatedFrom?: string;
	organizer?: string;
	summary?: string;
	comment?: string;
	/** A COUNTER's proposed time, as UTC instants. */
	start?: string;
	end?: string;
}

const CRLF = '\r\n';
const ORGANIZER = 'protocol@migration.example';

const icsStamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
const boundary = () => `----=_Part_${randomBytes(8).toString('hex')}`;
const messageId = (domain: string) => `<${randomBytes(12).toString('hex')}@${domain}>`;
const base64Lines = (text: string | Buffer) =>
	(Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'))
		.toString('base64')
		.replace(/.{76}/g, `$&${CRLF}`);

function quotedPrintable(text: string): string {
	return text
		.split(/\r?\n/)
		.map((line) => {
			const encoded = Buffer.from(line, 'utf8')
				.toString('latin1')
				.replace(/[=\x80-\xff]/g, (c) => `=${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
			const parts: string[] = [];
			let rest = encoded;
			while (rest.length > 75) {
				let cut = 75;
				if (rest[cut - 1] === '=') cut -= 1;
				else if (rest[cut - 2] === '=') cut -= 2;
				parts.push(`${rest.slice(0, cut)}=`);
				rest = rest.slice(cut);
			}
			parts.push(rest);
			return parts.join(CRLF);
		})
		.join(CRLF);
}

function attendeeLine(f: ReplyFields, extra: string): string {
	const params = [
		extra,
		f.attendeeName ? `CN="${f.attendeeName}"` : '',
		f.method === 'REFRESH' ? '' : `PARTSTAT=${f.partstat ?? 'ACCEPTED'}`,
		f.sentBy ? `SENT-BY="mailto:${f.sentBy}"` : '',
		f.delegatedFrom ? `DELEGATED-FROM="mailto:${f.delegatedFrom}"` : ''
	].filter(Boolean);
	return `ATTENDEE;${params.join(';')}:mailto:${f.attendee}`;
}

const W_EUROPE = [
	'BEGIN:VTIMEZONE',
	'TZID:W. Europe Standard Time',
	'BEGIN:STANDARD',
	'DTSTART:16010101T030000',
	'TZOFFSETFROM:+0200',
	'TZOFFSETTO:+0100',
	'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10',
	'END:STANDARD',
	'BEGIN:DAYLIGHT',
	'DTSTART:16010101T020000',
	'TZOFFSETFROM:+0100',
	'TZOFFSETTO:+0200',
	'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3',
	'END:DAYLIGHT',
	'END:VTIMEZONE'
];

/** An instant as W. Europe Standard Time's wall clock (winter, +01:00: the tests' dates are in December). */
const wEurope = (iso: string) =>
	icsStamp(new Date(Date.parse(iso) + 3600_000).toISOString()).replace('Z', '');

function calendarOf(f: ReplyFields, flavour: 'outlook' | 'google' | 'apple' | 'thunderbird'): string {
	const method = f.method ?? 'REPLY';
	const stamp = icsStamp(f.stamp ?? new Date().toISOString());
	const start = f.start ?? '2026-12-10T09:00:00.000Z';
	const end = f.end ?? '2026-12-10T10:00:00.000Z';
	const prodId = {
		outlook: '-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN',
		google: '-//Google Inc//Google Calendar 70.9054//EN',
		apple: '-//Apple Inc.//macOS 15.1//EN',
		thunderbird: '-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN'
	}[flavour];
	const times =
		flavour === 'outlook'
			? [
					`DTSTART;TZID="W. Europe Standard Time":${wEurope(start)}`,
					`DTEND;TZID="W. Europe Standard Time":${wEurope(end)}`
				]
			: [`DTSTART:${icsStamp(start)}`, `DTEND:${icsStamp(end)}`];
	const attendeeExtra = {
		outlook: '',
		google: 'CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;X-NUM-GUESTS=0',
		apple: `EMAIL=${f.attendee}`,
		thunderbird: 'RSVP=TRUE;ROLE=REQ-PARTICIPANT'
	}[flavour];
	const lines = [
		'BEGIN:VCALENDAR',
		`PRODID:${prodId}`,
		'VERSION:2.0',
		...(flavour === 'apple' || flavour === 'google' ? ['CALSCALE:GREGORIAN'] : []),
		`METHOD:${method}`,
		...(flavour === 'outlook' ? W_EUROPE : []),
		'BEGIN:VEVENT',
		attendeeLine(f, attendeeExtra),
		...(f.comment ? [`COMMENT:${f.comment}`] : []),
		...times,
		`DTSTAMP:${stamp}`,
		`ORGANIZER;CN=Protocol Office:mailto:${f.organizer ?? ORGANIZER}`,
		`SEQUENCE:${f.sequence}`,
		`SUMMARY:${f.summary ?? 'Meeting'}`,
		`UID:${f.uid}`,
		...(flavour === 'thunderbird' ? ['X-MOZ-RECEIVED-SEQUENCE:' + f.sequence] : []),
		'END:VEVENT',
		'END:VCALENDAR'
	];
	return lines.join(CRLF) + CRLF;
}

const VERB: Record<string, string> = {
	ACCEPTED: 'Accepted',
	TENTATIVE: 'Tentative',
	DECLINED: 'Declined',
	DELEGATED: 'Delegated',
	'NEEDS-ACTION': 'Reply'
};

function subjectOf(f: ReplyFields): string {
	if (f.method === 'COUNTER') return `New Time Proposed: ${f.summary ?? 'Meeting'}`;
	if (f.method === 'REFRESH') return `Refresh: ${f.summary ?? 'Meeting'}`;
	return `${VERB[f.partstat ?? 'ACCEPTED']}: ${f.summary ?? 'Meeting'}`;
}

function headers(f: ReplyFields, domain: string, contentType: string, extra: string[] = []): string[] {
	return [
		`From: ${f.attendeeName ? `"${f.attendeeName}" ` : ''}<${f.from ?? f.attendee}>`,
		`To: "Protocol Office" <${f.organizer ?? ORGANIZER}>`,
		`Subject: ${subjectOf(f)}`,
		`Date: ${new Date().toUTCString()}`,
		`Message-ID: ${messageId(domain)}`,
		'MIME-Version: 1.0',
		...extra,
		`Content-Type: ${contentType}`
	];
}

/** Outlook's reply; `attachment` adds a file after the alternative (for the huge message). */
export function outlookReply(f: ReplyFields, attachment?: { name: string; content: Buffer }): string {
	const method = f.method ?? 'REPLY';
	const alt = boundary();
	const text = `${subjectOf(f)}${f.comment ? `\r\n\r\n${f.comment}` : ''}`;
	const alternative = [
		`--${alt}`,
		'Content-Type: text/plain; charset="us-ascii"',
		'Content-Transfer-Encoding: 7bit',
		'',
		text,
		`--${alt}`,
		'Content-Type: text/html; charset="us-ascii"',
		'Content-Transfer-Encoding: 7bit',
		'',
		`<html><body><p>${text}</p></body></html>`,
		`--${alt}`,
		`Content-Type: text/calendar; charset="utf-8"; method=${method}`,
		'Content-Transfer-Encoding: base64',
		'',
		base64Lines(calendarOf(f, 'outlook')),
		`--${alt}--`,
		''
	];
	const outlookHeaders = [
		'Thread-Topic: ' + (f.summary ?? 'Meeting'),
		'X-MS-Has-Attach: ',
		'X-MS-TNEF-Correlator: '
	];
	if (!attachment) {
		return [
			...headers(f, 'EXCH01.example.org', `multipart/alternative; boundary="${alt}"`, outlookHeaders),
			'',
			...alternative
		].join(CRLF);
	}
	const mixed = boundary();
	return [
		...headers(f, 'EXCH01.example.org', `multipart/mixed; boundary="${mixed}"`, outlookHeaders),
		'',
		`--${mixed}`,
		`Content-Type: multipart/alternative; boundary="${alt}"`,
		'',
		...alternative,
		`--${mixed}`,
		`Content-Type: application/pdf; name="${attachment.name}"`,
		`Content-Disposition: attachment; filename="${attachment.name}"`,
		'Content-Transfer-Encoding: base64',
		'',
		base64Lines(attachment.content),
		`--${mixed}--`,
		''
	].join(CRLF);
}

export function googleReply(f: ReplyFields): string {
	const method = f.method ?? 'REPLY';
	const mixed = boundary();
	const alt = boundary();
	const ics = calendarOf(f, 'google');
	return [
		...headers(f, 'google.com', `multipart/mixed; boundary="${mixed}"`, [
			'Sender: Google Calendar <calendar-notification@google.com>',
			`Reply-To: ${f.attendee}`
		]),
		'',
		`--${mixed}`,
		`Content-Type: multipart/alternative; boundary="${alt}"`,
		'',
		`--${alt}`,
		'Content-Type: text/plain; charset="UTF-8"; format=flowed; delsp=yes',
		'Content-Transfer-Encoding: base64',
		'',
		base64Lines(`${f.attendee} has ${VERB[f.partstat ?? 'ACCEPTED']!.toLowerCase()} this invitation.`),
		`--${alt}`,
		'Content-Type: text/html; charset="UTF-8"',
		'Content-Transfer-Encoding: quoted-printable',
		'',
		quotedPrintable(`<span>${f.attendee} has answered</span>`),
		`--${alt}`,
		`Content-Type: text/calendar; charset="UTF-8"; method=${method}`,
		'Content-Transfer-Encoding: 7bit',
		'',
		ics,
		`--${alt}--`,
		'',
		`--${mixed}`,
		`Content-Type: application/ics; name="invite.ics"`,
		'Content-Disposition: attachment; filename="invite.ics"',
		'Content-Transfer-Encoding: base64',
		'',
		base64Lines(ics),
		`--${mixed}--`,
		''
	].join(CRLF);
}

export function appleReply(f: ReplyFields): string {
	const method = f.method ?? 'REPLY';
	const mixed = boundary();
	const name = `iCal-20261201-${randomBytes(3).toString('hex')}.ics`;
	return [
		...headers(f, 'icloud.com', `multipart/mixed; boundary="${mixed}"`, ['X-Mailer: iPhone Mail (22B91)']),
		'',
		`--${mixed}`,
		'Content-Type: text/plain; charset=utf-8',
		'Content-Transfer-Encoding: 7bit',
		'',
		`${f.attendeeName ?? f.attendee} has ${VERB[f.partstat ?? 'ACCEPTED']!.toLowerCase()} your event.`,
		`--${mixed}`,
		`Content-Type: text/calendar; charset=utf-8; method=${method}; name=${name}`,
		`Content-Disposition: attachment; filename=${name}`,
		'Content-Transfer-Encoding: quoted-printable',
		'',
		quotedPrintable(calendarOf(f, 'apple')),
		`--${mixed}--`,
		''
	].join(CRLF);
}

export function thunderbirdReply(f: ReplyFields): string {
	const method = f.method ?? 'REPLY';
	const mixed = boundary();
	const alt = boundary();
	const ics = calendarOf(f, 'thunderbird');
	return [
		...headers(f, 'example.net', `multipart/mixed; boundary="${mixed}"`, ['User-Agent: Mozilla Thunderbird']),
		'',
		'This is a multi-part message in MIME format.',
		`--${mixed}`,
		`Content-Type: multipart/alternative; boundary="${alt}"`,
		'',
		`--${alt}`,
		'Content-Type: text/plain; charset=UTF-8',
		'Content-Transfer-Encoding: 8bit',
		'',
		`${f.attendeeName ?? f.attendee} has ${VERB[f.partstat ?? 'ACCEPTED']!.toLowerCase()} your event invitation.`,
		`--${alt}`,
		`Content-Type: text/calendar; method=${method}; charset=UTF-8`,
		'Content-Transfer-Encoding: 8bit',
		'',
		ics,
		`--${alt}--`,
		`--${mixed}`,
		'Content-Type: application/ics; name="invite.ics"',
		'Content-Disposition: attachment; filename="invite.ics"',
		'Content-Transfer-Encoding: base64',
		'',
		base64Lines(ics),
		`--${mixed}--`,
		''
	].join(CRLF);
}

/** A message with a calendar part that is not iCalendar at all. */
export function malformedReply(f: Pick<ReplyFields, 'attendee'>): string {
	const alt = boundary();
	return [
		...headers(
			{ uid: '', sequence: 0, ...f, partstat: 'ACCEPTED' },
			'example.org',
			`multipart/alternative; boundary="${alt}"`
		),
		'',
		`--${alt}`,
		'Content-Type: text/plain; charset=utf-8',
		'',
		'Accepted',
		`--${alt}`,
		'Content-Type: text/calendar; charset=utf-8; method=REPLY',
		'',
		'BEGIN:VCALENDAR',
		'METHOD:REPLY',
		'BEGIN:VEVENT',
		'this line is not iCalendar',
		`--${alt}--`,
		''
	].join(CRLF);
}

/** An ordinary letter: no calendar anywhere. */
export function plainLetter(from: string): string {
	return [
		`From: <${from}>`,
		`To: <${ORGANIZER}>`,
		'Subject: Programme of the visit',
		`Date: ${new Date().toUTCString()}`,
		`Message-ID: ${messageId('example.org')}`,
		'MIME-Version: 1.0',
		'Content-Type: text/plain; charset=utf-8',
		'',
		'Dear colleagues, please find the programme below.',
		''
	].join(CRLF);
}
