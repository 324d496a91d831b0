/**
 * Clashes: another event that is not cancelled, overlapping in time, at the same venue or with one of
 * the same people (who has not declined). Compared as UTC instants, so zones and DST changes cannot
 * fool it (an all-day event takes its days from midnight to midnight in its own zone); shown to the officer with both times in their own zones. A clash warns, it does not forbid:
 * the officer may save anyway, and that override is audited by the service that saves.
 */
import type { Kysely } from 'kysely';
import { formatPersonName } from '../../format/names';
import type { Database } from '../db/schema';
import { listParticipantPersonIds, listPersonClashes, listVenueClashes, type Span } from './clash.repository';
import { clashSpan } from './clash.view';

/** When an event happens: its instants, its zone, and whether it takes whole days. */
interface EventSpan {
	startAt: string;
	endAt: string;
	timeZone: string;
	allDay: boolean;
}

export interface ClashView {
	/** The other event, with its time written out in its zone (`clashSpan`): the warning formats no dates. */
	event: EventSpan & { id: number; title: string; when: string };
	/** Why it clashes: the venue, and/or the people booked at both. */
	sameVenue: boolean;
	people: { id: number; name: string }[];
}

export interface ClashQuery extends Span {
	venueId?: number | null;
	/** People to check; when omitted and exceptEventId is given, the event's own participants. */
	personIds?: number[];
}

/** Three queries at most, whatever the number of people or clashes. */
export async function listClashes(db: Kysely<Database>, query: ClashQuery): Promise<ClashView[]> {
	const personIds =
		query.personIds ?? (query.exceptEventId ? await listParticipantPersonIds(db, query.exceptEventId) : []);
	const [venueRows, personRows] = await Promise.all([
		query.venueId ? listVenueClashes(db, query, query.venueId) : Promise.resolve([]),
		listPersonClashes(db, query, personIds)
	]);
	const byEvent = new Map<number, ClashView>();
	const entry = (row: (typeof venueRows)[number]) => {
		let clash = byEvent.get(row.id);
		if (!clash) {
			const span = {
				startAt: row.start_at,
				endAt: row.end_at,
				timeZone: row.time_zone,
				allDay: row.all_day === 1
			};
			clash = {
				event: { id: row.id, title: row.title, ...span, when: clashSpan(span) },
				sameVenue: false,
				people: []
			};
			byEvent.set(row.id, clash);
		}
		return clash;
	};
	for (const row of venueRows) entry(row).sameVenue = true;
	for (const row of personRows) {
		const clash = entry(row);
		if (!clash.people.some((p) => p.id === row.person_id)) {
			clash.people.push({ id: row.person_id, name: formatPersonName(row) });
		}
	}
	return [...byEvent.values()].sort((a, b) => a.event.startAt.localeCompare(b.event.startAt));
}
