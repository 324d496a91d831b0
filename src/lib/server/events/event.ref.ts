import { formatShortDate } from '$lib/format/datetime';

/**
 * An event as other records name it (an outcome's, a person's engagements, a letter's): id, title, start
 * and zone. Apart from the event views so that the views naming an event need not import those that the
 * event page is built from, nor the other way round.
 */

export interface EventRef {
	id: number;
	title: string;
	startAt: string;
	timeZone: string;
}

/** The event a record belongs to, joined as `event`, for an event reference: `event_id`, `event_title` … */
export const eventRefColumns = [
	'event.id as event_id',
	'event.title as event_title',
	'event.start_at as event_start_at',
	'event.time_zone as event_time_zone'
] as const;

/** The reference, or null when the row names no event (an outer join that found none). */
export function eventRef(
	id: number | null,
	title: string | null,
	startAt: string | null,
	timeZone: string | null
): EventRef | null {
	return id !== null && title !== null && startAt !== null && timeZone !== null
		? { id, title, startAt, timeZone }
		: null;
}

/** A reference with its first day written in its zone ("17 Dec 2021"), for a list's cell (EventCell). */
export type DatedEventRef<T extends EventRef = EventRef> = T & { date: string };

/** The reference dated on the server, so that the page that lists it formats no dates. */
export function datedRef<T extends EventRef>(ref: T): DatedEventRef<T>;
export function datedRef<T extends EventRef>(ref: T | null): DatedEventRef<T> | null;
export function datedRef<T extends EventRef>(ref: T | null): DatedEventRef<T> | null {
	return ref && { ...ref, date: formatShortDate(ref.startAt, ref.timeZone) };
}
