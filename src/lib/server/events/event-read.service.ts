/**
 * Events as the pages read them: the list, the event page, the edit and duplicate forms with the choices
 * they offer, and what the delete confirmation shows. Reads only, each a fixed number of queries
 * whatever the size of the data; the writes are in event.service.ts.
 */
import type { Kysely } from 'kysely';
import { eventStatuses } from '../../vocabulary';
import { listAgendaItems, listAgendaRoles } from '../agenda/agenda.repository';
import { listAgreementsSignedAtEvent } from '../agreements/agreement.service';
import { getChoices } from '../choosers/chooser.service';
import { listCorrespondenceOfEvent } from '../correspondence/correspondence.service';
import type { Database } from '../db/schema';
import { listCarryOffers, type CarryOffers } from '../outcomes/outcome-thread.service';
import { listOutcomesFollowedUpAt, listOutcomesOfEvent } from '../outcomes/outcome.service';
import { toPage, type Page, type PageRequest } from '../pagination';
import { listDelegations, listParticipants } from '../participants/participant.repository';
import { listProjectsOfEvent } from '../projects/project.service';
import { timeZoneNames } from '../venues/venue.input';
import { toEventFormValues, type EventEditHeading, type EventFormOptions } from './event-form.view';
import type { EventFormValues } from './event.input';
import {
	countEventRecords,
	findEvent,
	listEvents,
	listEventSeries,
	listEventHostIds,
	listHostsForEvents,
	listHostsOfEvent,
	listParticipantsWithAgendaRoles,
	type EventFilter
} from './event.repository';
import { followMove, retitleForYear, sameTimeNextYear, yearIn } from './event.schedule';
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

/**
 * Everything the event page shows, or null when there is no such event. For an officer
 * (`carryOffers`), a meeting still ahead also offers the open action points with its hosts to carry over.
 */
export async function findEventPage(
	db: Kysely<Database>,
	eventId: number,
	{ carryOffers = false, now = new Date() }: { carryOffers?: boolean; now?: Date } = {}
): Promise<(EventPageView & { carryOffers: CarryOffers }) | null> {
	const event = await findEvent(db, eventId);
	if (!event) return null;
	const offers = carryOffers ? await listCarryOffers(db, event, now) : { items: [], left: 0, more: false };
	const [
		hosts,
		items,
		roles,
		delegations,
		participants,
		outcomes,
		followsUp,
		correspondence,
		agreements,
		projects
	] = await Promise.all([
		listHostsOfEvent(db, eventId),
		listAgendaItems(db, eventId),
		listAgendaRoles(db, eventId),
		listDelegations(db, eventId),
		listParticipants(db, eventId),
		listOutcomesOfEvent(db, eventId),
		listOutcomesFollowedUpAt(db, eventId),
		listCorrespondenceOfEvent(db, eventId),
		listAgreementsSignedAtEvent(db, eventId),
		listProjectsOfEvent(db, eventId)
	]);
	const view = toEventPageView(event, {
		hosts: toHostViews(hosts).get(eventId) ?? [],
		agenda: toAgendaViews(items, roles),
		delegations: toDelegationViews(delegations, participants),
		participantCount: participants.length,
		outcomes,
		followsUp,
		correspondence,
		agreements,
		projects
	});
	return { ...view, carryOffers: offers };
}

/**
 * The series and zones the event form offers, and the venue and organisations its values name (the
 * choosers find any other): three queries, whatever the size of the directory.
 */
export async function getEventFormOptions(
	db: Kysely<Database>,
	...forms: Pick<EventFormValues, 'venueId' | 'hosts' | 'coHosts'>[]
): Promise<EventFormOptions> {
	const [series, venues, organizations] = await Promise.all([
		listEventSeries(db),
		getChoices(
			db,
			'venue',
			forms.map((form) => form.venueId)
		),
		getChoices(
			db,
			'organization',
			forms.flatMap((form) => [...form.hosts, ...form.coHosts])
		)
	]);
	return { venues, series, organizations, timeZones: timeZoneNames() };
}

/** An event as its edit form shows it, or null when there is no such event. Two queries. */
export async function findEventForm(
	db: Kysely<Database>,
	eventId: number
): Promise<{ heading: EventEditHeading; values: EventFormValues } | null> {
	const [event, hosts] = await Promise.all([findEvent(db, eventId), listEventHostIds(db, eventId)]);
	if (!event) return null;
	return {
		heading: {
			id: event.id,
			title: event.title,
			status: event.status,
			statusLabel: eventStatuses.labels[event.status],
			statusReason: event.status_reason,
			version: event.version
		},
		values: toEventFormValues(event, hosts)
	};
}

/**
 * The form for next year's edition of an event: the same title with the year moved on, the same kind,
 * theme, description, hosts, venue, zone and series, starting on the same day and time a year later.
 * Null when there is no such event. Four queries.
 */
export async function findDuplicateForm(
	db: Kysely<Database>,
	sourceId: number
): Promise<{
	source: { id: number; title: string; agendaItems: number; people: number };
	values: EventFormValues;
} | null> {
	const [event, hosts, items, people] = await Promise.all([
		findEvent(db, sourceId),
		listEventHostIds(db, sourceId),
		countEventRecords(db, sourceId),
		listParticipantsWithAgendaRoles(db, sourceId)
	]);
	if (!event) return null;
	const startAt = sameTimeNextYear(event.start_at, event.time_zone);
	const endAt = followMove(event.end_at, {
		fromStart: event.start_at,
		toStart: startAt,
		fromZone: event.time_zone,
		toZone: event.time_zone
	});
	const values = toEventFormValues({ ...event, start_at: startAt, end_at: endAt }, hosts);
	return {
		source: {
			id: event.id,
			title: event.title,
			agendaItems: Number(items.agenda_items),
			people: people.length
		},
		values: {
			...values,
			title: retitleForYear(
				event.title,
				yearIn(event.start_at, event.time_zone),
				yearIn(startAt, event.time_zone)
			),
			timing: 'exact',
			status: 'planned',
			statusReason: '',
			version: ''
		}
	};
}

export interface EventDeletionView {
	id: number;
	title: string;
	startAt: string;
	endAt: string;
	timeZone: string;
	allDay: boolean;
	version: number;
	agendaItems: number;
	participants: number;
	/** Outcomes that stay on record but no longer name the event. */
	outcomes: number;
	followUps: number;
	correspondence: number;
	/** Its seating plan goes with it, tables, seats and changes. */
	seatingPlan: boolean;
}

/** What the delete confirmation shows: the event and what goes with it. Null when there is none. */
export async function findEventDeletion(
	db: Kysely<Database>,
	eventId: number
): Promise<EventDeletionView | null> {
	const [event, counts] = await Promise.all([findEvent(db, eventId), countEventRecords(db, eventId)]);
	if (!event) return null;
	return {
		id: event.id,
		title: event.title,
		startAt: event.start_at,
		allDay: event.all_day === 1,
		endAt: event.end_at,
		timeZone: event.time_zone,
		version: event.version,
		agendaItems: Number(counts.agenda_items),
		participants: Number(counts.participants),
		outcomes: Number(counts.outcomes),
		followUps: Number(counts.follow_ups),
		correspondence: Number(counts.correspondence),
		seatingPlan: Number(counts.seating_plans) > 0
	};
}
