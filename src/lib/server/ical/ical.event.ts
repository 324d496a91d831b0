/**
 * From our records to the iCalendar vocabulary: an event's status, a participant's answer and role, a
 * venue as one LOCATION line. Pure functions, shared by downloads, feeds and invitations.
 */
import { allDayDates } from '../../format/datetime';
import { m } from '../../paraglide/messages.js';
import {
	timingCertainties,
	type AgendaRole,
	type EventStatus,
	type ParticipantRole,
	type RsvpStatus,
	type TimingCertainty
} from '../../vocabulary';
import type { IcalEventInput, IcalPartstat, IcalRole, IcalStatus } from './ical.calendar';

/** A postponed event has no date it will happen on: tentative, until it is given one. */
export function icalStatusOf(status: EventStatus): IcalStatus {
	if (status === 'cancelled') return 'CANCELLED';
	if (status === 'postponed' || status === 'draft') return 'TENTATIVE';
	return 'CONFIRMED';
}

/** Someone recorded as attending or not showing up had accepted: that is what their calendar knew. */
export function partstatOf(rsvp: RsvpStatus): IcalPartstat {
	switch (rsvp) {
		case 'accepted':
		case 'attended':
		case 'no_show':
			return 'ACCEPTED';
		case 'tentative':
			return 'TENTATIVE';
		case 'declined':
			return 'DECLINED';
		default:
			return 'NEEDS-ACTION';
	}
}

/**
 * CHAIR for whoever chairs an item of the programme; OPT-PARTICIPANT for observers and the press;
 * everyone else — hosts, speakers, heads and members of delegations, guests — is required.
 */
export function attendeeRoleOf(role: ParticipantRole, agendaRoles: readonly AgendaRole[]): IcalRole {
	if (agendaRoles.includes('chair')) return 'CHAIR';
	if (role === 'observer' || role === 'press') return 'OPT-PARTICIPANT';
	return 'REQ-PARTICIPANT';
}

export interface CalendarEventRow {
	id: number;
	title: string;
	theme: string | null;
	description: string | null;
	status: EventStatus;
	status_reason: string | null;
	start_at: string;
	end_at: string;
	time_zone: string;
	/** 1: whole days, written as DTSTART;VALUE=DATE and DTEND;VALUE=DATE. */
	all_day: number;
	timing: TimingCertainty;
	online_url: string | null;
	ical_uid: string;
	ical_sequence: number;
	updated_at: string;
	venue_name: string | null;
	venue_address: string | null;
	venue_city: string | null;
}

export function locationOf(
	row: Pick<CalendarEventRow, 'venue_name' | 'venue_address' | 'venue_city' | 'online_url'>
) {
	const place = [row.venue_name, row.venue_address, row.venue_city].filter(Boolean).join(', ');
	return place || row.online_url || null;
}

/**
 * What a calendar shows under the title: the reason for a change of status, that the time or date is
 * only assumed (as the event's page says it), the theme, the text; our words in the language of the moment
 * (an invitation's, its recipient's).
 */
export function descriptionOf(
	row: Pick<CalendarEventRow, 'theme' | 'description' | 'status' | 'status_reason' | 'online_url' | 'timing'>
) {
	const parts = [];
	if (row.status_reason && (row.status === 'postponed' || row.status === 'cancelled')) {
		const reason = { reason: row.status_reason };
		parts.push(
			row.status === 'cancelled' ? m.ical_cancelled_reason(reason) : m.ical_postponed_reason(reason)
		);
	}
	if (row.timing !== 'exact') {
		parts.push(m.ical_timing_assumed({ timing: timingCertainties.labels[row.timing] }));
	}
	if (row.theme) parts.push(`“${row.theme}”`);
	if (row.description) parts.push(row.description);
	if (row.online_url) parts.push(m.ical_online({ url: row.online_url }));
	return parts.join('\n\n') || null;
}

/**
 * An all-day event's dates, first and the day after the last (DTEND;VALUE=DATE is exclusive), read in
 * its own zone; null for a timed event.
 */
function allDay(
	row: Pick<CalendarEventRow, 'all_day' | 'start_at' | 'end_at' | 'time_zone'>
): { first: string; after: string } | null {
	if (row.all_day !== 1) return null;
	const days = allDayDates(row.start_at, row.end_at, row.time_zone);
	if (!days) return null;
	const after = new Date(Date.parse(`${days.last}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
	return { first: days.first, after };
}

/**
 * The event as one VEVENT. `stamp` is DTSTAMP: for a feed without METHOD, when the event was last
 * revised (so an unchanged feed is byte for byte the same); for a sent or downloaded file, now.
 */
export function toIcalEvent(
	row: CalendarEventRow,
	{ stamp, url }: { stamp: string; url?: string | null }
): IcalEventInput {
	return {
		uid: row.ical_uid,
		sequence: row.ical_sequence,
		stamp,
		start: row.start_at,
		end: row.end_at,
		timeZone: row.time_zone,
		allDay: allDay(row),
		summary: row.title,
		description: descriptionOf(row),
		location: locationOf(row),
		url: url ?? null,
		status: icalStatusOf(row.status),
		lastModified: row.updated_at
	};
}
