/** Reading events: the lists and the event page. Each costs a fixed number of queries. */
import type { Kysely } from 'kysely';
import { listAgendaItems, listAgendaRoles } from '../agenda/agenda.repository';
import { listCorrespondenceOfEvent } from '../correspondence/correspondence.service';
import type { Database } from '../db/schema';
import { listOutcomesFollowedUpAt, listOutcomesOfEvent } from '../outcomes/outcome.service';
import { toPage, type Page, type PageRequest } from '../pagination';
import { listDelegations, listParticipants } from '../participants/participant.repository';
import { findEvent, listEvents, listHostsForEvents, type EventFilter } from './event.repository';
import {
	toAgendaViews,
	toDelegationViews,
	toEventListItem,
	toEventPageView,
	toHostViews,
	type EventListItem,
	type EventPageView
} from './event.view';

/** Two queries: the page of events, then the hosts of all of them. */
export async function listEventsPage(
	db: Kysely<Database>,
	filter: EventFilter,
	request: PageRequest
): Promise<Page<EventListItem>> {
	const rows = await listEvents(db, filter, request);
	const page = toPage(rows, request, (row) => [row.start_at, row.id]);
	const hosts = toHostViews(
		await listHostsForEvents(
			db,
			page.items.map((row) => row.id)
		)
	);
	return { ...page, items: page.items.map((row) => toEventListItem(row, hosts.get(row.id) ?? [])) };
}

/** Everything the event page shows, or null when there is no such event. */
export async function getEventPage(db: Kysely<Database>, eventId: number): Promise<EventPageView | null> {
	const event = await findEvent(db, eventId);
	if (!event) return null;
	const [hosts, items, roles, delegations, participants, outcomes, followsUp, correspondence] =
		await Promise.all([
			listHostsForEvents(db, [eventId]),
			listAgendaItems(db, eventId),
			listAgendaRoles(db, eventId),
			listDelegations(db, eventId),
			listParticipants(db, eventId),
			listOutcomesOfEvent(db, eventId),
			listOutcomesFollowedUpAt(db, eventId),
			listCorrespondenceOfEvent(db, eventId)
		]);
	return toEventPageView(event, {
		hosts: toHostViews(hosts).get(eventId) ?? [],
		agenda: toAgendaViews(items, roles),
		delegations: toDelegationViews(delegations, participants),
		participantCount: participants.length,
		outcomes,
		followsUp,
		correspondence
	});
}
