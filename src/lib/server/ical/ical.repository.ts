/** The event columns every iCalendar file needs, with the venue as one line. Kysely only. */
import { agendaTitleColumns } from '../agenda/agenda.repository';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export const calendarEventColumns = [
	'event.id',
	'event.title',
	'event.theme',
	'event.description',
	'event.status',
	'event.status_reason',
	'event.start_at',
	'event.end_at',
	'event.time_zone',
	'event.all_day',
	'event.timing',
	'event.online_url',
	'event.ical_uid',
	'event.ical_sequence',
	'event.updated_at',
	'venue.name as venue_name',
	'venue.address as venue_address',
	'venue.city as venue_city'
] as const;

export function selectCalendarEvents(db: Kysely<Database>) {
	return db.selectFrom('event').leftJoin('venue', 'venue.id', 'event.venue_id').select(calendarEventColumns);
}

/** One event; with `onlyPublic`, only if an officer marked it public and it is not a draft. */
export async function findCalendarEvent(db: Kysely<Database>, eventId: number, { onlyPublic = false } = {}) {
	let query = selectCalendarEvents(db).where('event.id', '=', eventId);
	if (onlyPublic) query = query.where('event.is_public', '=', 1).where('event.status', '!=', 'draft');
	const row = await query.executeTakeFirst();
	return row ?? null;
}

/** The event's published items with clock times, in programme order. */
export async function listTimedAgendaItems(db: Kysely<Database>, eventId: number) {
	return db
		.selectFrom('agenda_item')
		.select(['id', ...agendaTitleColumns, 'kind', 'start_at', 'end_at', 'updated_at'])
		.where('event_id', '=', eventId)
		.where('is_published', '=', 1)
		.where('start_at', 'is not', null)
		.orderBy('position')
		.execute();
}
