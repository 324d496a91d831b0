/**
 * The DECLINECOUNTER the office sends when an officer declines a new time an attendee proposed
 * (RFC 5546 §3.2.8): the event as it stands, to that attendee, with the SEQUENCE they know. Pure.
 */
import { formatWhen } from '../../format/datetime';
import { buildCalendar, type IcalAttendee } from '../ical/ical.calendar';
import { toIcalEvent, type CalendarEventRow } from '../ical/ical.event';
import type { Organizer } from '../mail/mail.transport';

export function declineCounterMessage({
	event,
	organizer,
	recipient,
	now
}: {
	event: CalendarEventRow;
	organizer: Organizer;
	recipient: IcalAttendee;
	now: Date;
}): { subject: string; text: string; ics: string } {
	const when = formatWhen({
		startAt: event.start_at,
		endAt: event.end_at,
		timeZone: event.time_zone,
		allDay: event.all_day === 1
	});
	const vevent = { ...toIcalEvent(event, { stamp: now.toISOString() }), organizer, attendees: [recipient] };
	return {
		subject: `New time declined: ${event.title} — ${when}`,
		text: [
			`Dear ${recipient.name},`,
			'',
			`${organizer.name} cannot move the following to the time you proposed; it stays as planned:`,
			'',
			`  ${event.title}`,
			`  When:  ${when} (${event.time_zone})`,
			'',
			organizer.name
		].join('\n'),
		ics: buildCalendar({ method: 'DECLINECOUNTER', events: [vevent] })
	};
}
