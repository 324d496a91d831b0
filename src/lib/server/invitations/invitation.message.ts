/**
 * One iTIP message (RFC 5546) to one person: the subject and plain text a mail client shows, and the
 * calendar object with METHOD:REQUEST (an invitation or its update) or METHOD:CANCEL. Pure: the service
 * gathers the data, this decides what the message says, in the language of the moment (the service runs
 * it in the recipient's, `inLocale`).
 */
import { formatOffset, formatWhen } from '../../format/datetime';
import { buildCalendar, type IcalAttendee } from '../ical/ical.calendar';
import { locationOf, toIcalEvent, type CalendarEventRow } from '../ical/ical.event';
import type { InvitationKind } from '../db/schema';
import type { Organizer } from '../mail/mail.transport';
import { m } from '../../paraglide/messages.js';

export interface InvitationMessage {
	kind: InvitationKind;
	method: 'REQUEST' | 'CANCEL';
	subject: string;
	text: string;
	ics: string;
}

const SUBJECT: Record<InvitationKind, (inputs: { title: string; dates: string }) => string> = {
	invitation: m.mail_subject_invitation,
	update: m.mail_subject_update,
	cancellation: m.mail_subject_cancellation
};

/**
 * `attendees` is who the calendar object lists (the recipient always among them); `recipient` is whom
 * this copy is for. A cancellation lists the recipient alone: to them, the meeting is off.
 */
export function invitationMessage({
	kind,
	event,
	organizer,
	recipient,
	attendees,
	now
}: {
	kind: InvitationKind;
	event: CalendarEventRow;
	organizer: Organizer;
	recipient: IcalAttendee;
	attendees: IcalAttendee[];
	now: Date;
}): InvitationMessage {
	const method = kind === 'cancellation' ? 'CANCEL' : 'REQUEST';
	const dates = formatWhen({
		startAt: event.start_at,
		endAt: event.end_at,
		timeZone: event.time_zone,
		allDay: event.all_day === 1
	});
	const when =
		event.all_day === 1
			? m.mail_when_all_day({ dates, zone: event.time_zone })
			: m.mail_when_timed({
					dates,
					zone: event.time_zone,
					offset: formatOffset(event.start_at, event.time_zone)
				});
	const where = locationOf(event);
	const vevent = {
		...toIcalEvent(event, { stamp: now.toISOString() }),
		organizer,
		// A cancellation asks nothing back (RFC 5546 3.2.5): no RSVP=TRUE for a meeting that is off.
		attendees: method === 'CANCEL' ? [{ ...recipient, rsvp: false }] : attendees
	};
	// A cancellation of one person's attendance cancels the event for them, whatever its status.
	if (method === 'CANCEL') vevent.status = 'CANCELLED';
	const ics = buildCalendar({ method, events: [vevent] });
	const by = { organizer: organizer.name };
	const lines = [
		m.mail_dear({ name: recipient.name }),
		'',
		kind === 'invitation'
			? m.mail_invites_you(by)
			: kind === 'update'
				? m.mail_has_changed(by)
				: event.status === 'cancelled'
					? m.mail_has_cancelled(by)
					: m.mail_no_longer_expects(by),
		'',
		`  ${event.title}`,
		`  ${m.mail_line_when({ when })}`,
		...(where ? [`  ${m.mail_line_where({ where })}`] : []),
		...(event.online_url && where !== event.online_url
			? [`  ${m.mail_line_online({ url: event.online_url })}`]
			: []),
		...(event.status_reason && (event.status === 'cancelled' || event.status === 'postponed')
			? [`  ${m.mail_line_reason({ reason: event.status_reason })}`]
			: []),
		'',
		method === 'REQUEST' ? m.mail_request_answer() : m.mail_cancel_removes(),
		'',
		organizer.name
	];
	return {
		kind,
		method,
		subject: SUBJECT[kind]({ title: event.title, dates }),
		text: lines.join('\n'),
		ics
	};
}
