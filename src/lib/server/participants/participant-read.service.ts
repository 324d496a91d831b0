/**
 * What the officer's participants page and the printed list and badges show. Reads only, each a fixed
 * number of queries whatever the number of participants.
 */
import type { Kysely } from 'kysely';
import { sortByText } from '../../format/collation';
import { formatSortName } from '../../format/names';
import type { Database } from '../db/schema';
import { findEvent } from '../events/event.repository';
import { toEventSummary } from '../events/event.view';
import { toPage, type PageRequest } from '../pagination';
import { findPersonIdsByName } from '../choosers/chooser.service';
import { listPeopleWithOrganization } from '../people/person.repository';
import { toPersonListItem } from '../people/person.view';
import {
	countRsvps,
	listDelegationSummaries,
	listInvitedPersonIds,
	listParticipantPage,
	listParticipantsForPrint,
	listUnanswered
} from './participant.repository';
import {
	describeSpan,
	toDelegationSummaries,
	toParticipantListItem,
	toPrintedDelegations,
	toPrintedParticipant,
	toRsvpCounts,
	type ParticipantPrintView,
	type ParticipantsPageView
} from './participant.view';

const UNANSWERED_LIMIT = 50;
const SEARCH_LIMIT = 20;
/** A printout shows at most this many people; an event larger than that is not a protocol list. */
export const PRINT_LIMIT = 2000;

/**
 * People whose names start with the words typed, in the reader's alphabetical order, through the choosers'
 * index (never the whole directory).
 */
async function findPeopleToInvite(db: Kysely<Database>, text: string) {
	const found = await listPeopleWithOrganization(db, await findPersonIdsByName(db, text, SEARCH_LIMIT));
	return sortByText(found, formatSortName);
}

/**
 * Everything the officer's participants page shows, or null when there is no such event. Eight queries
 * at most, whatever the number of participants: the event; the RSVP counts; a page of participants in
 * order of precedence; those who have not answered; the sides; and,
 * when a name was searched, the people found and which of them are invited already.
 */
export async function findParticipantsPage(
	db: Kysely<Database>,
	eventId: number,
	{ page, search = '' }: { page: PageRequest; search?: string }
): Promise<ParticipantsPageView | null> {
	const event = await findEvent(db, eventId);
	if (!event) return null;
	const text = search.trim().slice(0, 100);
	const [counts, rows, unanswered, delegations, found] = await Promise.all([
		countRsvps(db, eventId),
		listParticipantPage(db, eventId, page),
		listUnanswered(db, eventId, UNANSWERED_LIMIT),
		listDelegationSummaries(db, eventId),
		findPeopleToInvite(db, text)
	]);
	const invited = await listInvitedPersonIds(
		db,
		eventId,
		found.map((p) => p.id)
	);
	const pageOfRows = toPage(rows, page, (row) => [row.id]);
	const participants = { ...pageOfRows, items: pageOfRows.items.map(toParticipantListItem) };
	const { counts: rsvpCounts, total } = toRsvpCounts(counts);
	return {
		event: {
			...toEventSummary(event),
			when: describeSpan(event.start_at, event.end_at, event.time_zone, event.all_day === 1)
		},
		counts: rsvpCounts,
		total,
		participants,
		unanswered: unanswered.slice(0, UNANSWERED_LIMIT).map(toParticipantListItem),
		moreUnanswered: unanswered.length > UNANSWERED_LIMIT,
		delegations: toDelegationSummaries(delegations),
		found: found.map((p) => ({ ...toPersonListItem(p), invited: invited.has(p.id) })),
		search: text,
		anyPlaced: participants.items.some((p) => p.placed)
	};
}

/**
 * The printed participant list and badges: everyone in order of precedence, grouped by side, with the
 * titles they held at the event. Three queries.
 */
export async function findParticipantPrint(
	db: Kysely<Database>,
	eventId: number
): Promise<ParticipantPrintView | null> {
	const event = await findEvent(db, eventId);
	if (!event) return null;
	const [rows, delegations] = await Promise.all([
		listParticipantsForPrint(db, eventId, PRINT_LIMIT),
		listDelegationSummaries(db, eventId)
	]);
	const people = rows.slice(0, PRINT_LIMIT).map(toPrintedParticipant);
	const venue = event.venue_name ? [event.venue_name, event.venue_city].filter(Boolean).join(', ') : null;
	return {
		event: {
			...toEventSummary(event),
			when: describeSpan(event.start_at, event.end_at, event.time_zone, event.all_day === 1),
			venue
		},
		delegations: toPrintedDelegations(toDelegationSummaries(delegations), people),
		people,
		truncated: rows.length > PRINT_LIMIT
	};
}
