/**
 * One iTIP message (RFC 5546) to one person: the subject and plain text a mail client shows, and the
 * calendar object with METHOD:REQUEST (an invitation or its update) or METHOD:CANCEL. Pure: the service
 * gathers the data, this decides what the message says.
 */
import { formatOffset, formatWhen } from '../../format/datetime';
import { buildCalendar, type IcalAttendee } from '../ical/ical.calendar';
import { locationOf, toIcalEvent, type CalendarEventRow } from '../ical/ical.event';
import type { InvitationKind } from '../db/schema';
import type { Organizer } from '../mail/mail.transport';

export interface InvitationMessage {
	kind: InvitationKind;
	method: 'REQUEST' | 'CANCEL';
	subject: string;
	text: string;
	ics: string;
}

const SUBJECT_PREFIX: Record<InvitationKind, string> = {
	invitation: 'Invitation',
	update: 'Updated',
	cancellation: 'Cancelled'
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
			? `${dates} (all day, ${event.time_zone})`
			: `${dates} (${event.time_zone}, ${formatOffset(event.start_at, event.time_zone)})`;
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
	const lines = [
		`Dear ${recipient.name},`,
		'',
		kind === 'invitation'
			? `${organizer.name} invites you to:`
			: kind === 'update'
				? `${organizer.name} has changed the details of:`
				: event.status === 'cancelled'
					? `${organizer.name} has cancelled:`
					: `${organizer.name} no longer expects you at:`,
		'',
		`  ${event.title}`,
		`  When:  ${when}`,
		...(where ? [`  Where: ${where}`] : []),
		...(event.online_url && where !== event.online_url ? [`  Online: ${event.online_url}`] : []),
		...(event.status_reason && (event.status === 'cancelled' || event.status === 'postponed')
			? [`  Reason: ${event.status_reason}`]
			: []),
		'',
		method === 'REQUEST'
			? 'Your calendar program shows this invitation with buttons to accept or decline; your answer is e-mailed to the protocol office. You can also answer through the personal link the office gave you.'
			: 'Your calendar program removes the meeting when you open this message.',
		'',
		organizer.name
	];
	return {
		kind,
		method,
		subject: `${SUBJECT_PREFIX[kind]}: ${event.title} — ${dates}`,
		text: lines.join('\n'),
		ics
	};
}
