/**
 * The public face of an event an officer marked public: title, date, venue, hosts and the published
 * agenda with its speakers — nothing else (no participants, notes, outcomes or correspondence).
 */
import type { Kysely } from 'kysely';
import { listAgendaItems, listAgendaRoles } from '../agenda/agenda.repository';
import type { Database } from '../db/schema';
import { toPage, type Page, type PageRequest } from '../pagination';
import { findEvent, listHostsForEvents } from './event.repository';
import { listPublicEvents } from './public-event.repository';
import {
	toAgendaViews,
	toEventSummary,
	toHostViews,
	type AgendaItemView,
	type EventSummary,
	type HostView
} from './event.view';

export interface PublicEventListItem extends EventSummary {
	place: string | null;
}

export interface PublicEventView extends EventSummary {
	theme: string | null;
	statusReason: string | null;
	venue: { name: string; address: string | null; city: string; countryCode: string } | null;
	onlineUrl: string | null;
	hosts: HostView[];
	agenda: Omit<AgendaItemView, 'notes'>[];
}

export async function listPublicEventsPage(
	db: Kysely<Database>,
	now: string,
	request: PageRequest
): Promise<Page<PublicEventListItem>> {
	const page = toPage(await listPublicEvents(db, now, request), request, (row) => [row.start_at, row.id]);
	return {
		...page,
		items: page.items.map((row) => ({
			...toEventSummary(row),
			place: row.venue_name ? [row.venue_name, row.venue_city].filter(Boolean).join(', ') : null
		}))
	};
}

/** Null unless the event exists, is marked public and is not a draft: visitors cannot tell which. */
export async function findPublicEventPage(
	db: Kysely<Database>,
	eventId: number
): Promise<PublicEventView | null> {
	const event = await findEvent(db, eventId);
	if (!event || event.is_public !== 1 || event.status === 'draft') return null;
	const [hosts, items, roles] = await Promise.all([
		listHostsForEvents(db, [eventId]),
		listAgendaItems(db, eventId),
		listAgendaRoles(db, eventId)
	]);
	const published = items.filter((item) => item.is_published === 1);
	return {
		...toEventSummary(event),
		theme: event.theme,
		statusReason: event.status === 'postponed' || event.status === 'cancelled' ? event.status_reason : null,
		venue:
			event.venue_name && event.venue_city && event.venue_country_code
				? {
						name: event.venue_name,
						address: event.venue_address,
						city: event.venue_city,
						countryCode: event.venue_country_code
					}
				: null,
		onlineUrl: event.online_url,
		hosts: toHostViews(hosts).get(eventId) ?? [],
		agenda: toAgendaViews(published, roles).map(({ notes: _notes, ...item }) => item)
	};
}
