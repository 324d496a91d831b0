/**
 * An event as a file to download: METHOD:PUBLISH (RFC 5546), so a client adds it to a calendar rather
 * than treating it as an invitation to answer. No attendees: their addresses are not everyone's to take.
 * Only published agenda items, so the public page's download holds nothing the page does not show.
 */
import type { Kysely } from 'kysely';
import { localizedColumn } from '../../i18n/localized-text';
import { agendaItemKinds } from '../../vocabulary';
import type { Database } from '../db/schema';
import { buildCalendar, type IcalEventInput } from './ical.calendar';
import { toIcalEvent } from './ical.event';
import { findCalendarEvent, listTimedAgendaItems } from './ical.repository';

export interface CalendarFile {
	filename: string;
	text: string;
}

/** A file name any system accepts: the title's letters and digits, in ASCII. */
export function calendarFilename(title: string, suffix = ''): string {
	const base = title
		.normalize('NFKD')
		.replace(/[^\x20-\x7e]/g, '')
		.replace(/[^A-Za-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 80);
	return `${base || 'event'}${suffix}.ics`;
}

/**
 * The event, and with `withAgenda` each timed item of its published programme as an event of its own
 * (UID derived from the event's, so a later download updates the same entries).
 */
export async function findEventCalendarFile(
	db: Kysely<Database>,
	eventId: number,
	{
		withAgenda = false,
		onlyPublic = false,
		eventUrl,
		now = new Date()
	}: { withAgenda?: boolean; onlyPublic?: boolean; eventUrl?: string; now?: Date }
): Promise<CalendarFile | null> {
	const [row, items] = await Promise.all([
		findCalendarEvent(db, eventId, { onlyPublic }),
		withAgenda ? listTimedAgendaItems(db, eventId) : Promise.resolve([])
	]);
	if (!row) return null;
	const stamp = now.toISOString();
	const event = toIcalEvent(row, { stamp, url: eventUrl });
	const itemEvents: IcalEventInput[] = items.map((item) => ({
		...event,
		uid: `item-${item.id}.${row.ical_uid}`,
		// An item has its clock time, even on a day the event takes whole.
		allDay: null,
		start: item.start_at!,
		end: item.end_at ?? item.start_at!,
		// The item's title in the reader's language where it has a version in it.
		summary: `${localizedColumn(item, 'title').text} — ${agendaItemKinds.labels[item.kind]}`,
		description: row.title,
		lastModified: item.updated_at
	}));
	return {
		filename: calendarFilename(row.title, withAgenda ? '-programme' : ''),
		text: buildCalendar({ method: 'PUBLISH', timeZone: row.time_zone, events: [event, ...itemEvents] })
	};
}
