/**
 * What the officer's panel and the personal programme page receive. Neither ever carries a token, a
 * secret or its hash; the programme names other people only as the event's agenda names them.
 */
import { formatPersonName } from '../../format/names';
import { localizedColumn, type ContentLocale } from '../../i18n/localized-text';
import {
	agendaItemKinds,
	agendaRoles,
	eventKinds,
	eventStatuses,
	participantRoles,
	rsvpStatuses,
	timingCertainties,
	type AgendaItemKind,
	type AgendaRole,
	type EventKind,
	type EventStatus,
	type ParticipantRole,
	type RsvpStatus,
	type TimingCertainty
} from '../../vocabulary';
import type {
	listAgendaItemsOfEvents,
	listAgendaRolesOfEvents,
	listEventsOfPerson
} from './personal-link.repository';

type Rows<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>;

/** The person's latest link, for the officer's panel. */
export interface PersonalLinkStatus {
	/** Neither revoked nor expired. */
	live: boolean;
	createdAt: string;
	expiresAt: string;
	revokedAt: string | null;
	lastUsedAt: string | null;
}

export interface PersonalAgendaItemView {
	id: number;
	position: number;
	kind: AgendaItemKind;
	kindLabel: string;
	/** In the reader's language, else as written; `titleLocale` set on that fallback. */
	title: string;
	titleLocale: ContentLocale | null;
	startAt: string | null;
	endAt: string | null;
	/** The link holder has a role on this item. */
	mine: boolean;
	/** The link holder's own roles on it ("Speaker"). */
	myRoles: string[];
	/** Everyone named on the item, the holder included. */
	people: { name: string; role: AgendaRole; roleLabel: string; isYou: boolean }[];
}

export interface PersonalEventView {
	id: number;
	title: string;
	kind: EventKind;
	kindLabel: string;
	status: EventStatus;
	statusLabel: string;
	statusReason: string | null;
	startAt: string;
	endAt: string;
	timeZone: string;
	allDay: boolean;
	timing: TimingCertainty;
	timingLabel: string;
	venue: { name: string; address: string | null; city: string; countryCode: string } | null;
	onlineUrl: string | null;
	/** Not yet over. */
	upcoming: boolean;
	participation: {
		id: number;
		role: ParticipantRole;
		roleLabel: string;
		positionAtEvent: string | null;
		rsvpStatus: RsvpStatus;
		rsvpLabel: string;
		respondedAt: string | null;
	};
	/** Whether the invitation can still be answered (not cancelled, not over, attendance not recorded). */
	canRespond: boolean;
	agenda: PersonalAgendaItemView[];
}

export interface PersonalAgendaView {
	personName: string;
	events: PersonalEventView[];
	/** More events exist than are shown. */
	more: boolean;
}

/** Answers that close an invitation: recorded by the office after the event. */
const RECORDED_ATTENDANCE: RsvpStatus[] = ['attended', 'no_show'];

export function canAnswer(event: { status: EventStatus; endAt: string; rsvpStatus: RsvpStatus }, now: Date) {
	return (
		event.status !== 'cancelled' &&
		Date.parse(event.endAt) > now.getTime() &&
		!RECORDED_ATTENDANCE.includes(event.rsvpStatus)
	);
}

export function toPersonalLinkStatus(
	row: { created_at: string; expires_at: string; revoked_at: string | null; last_used_at: string | null },
	now: Date
): PersonalLinkStatus {
	return {
		live: row.revoked_at === null && Date.parse(row.expires_at) > now.getTime(),
		createdAt: row.created_at,
		expiresAt: row.expires_at,
		revokedAt: row.revoked_at,
		lastUsedAt: row.last_used_at
	};
}

function localizedTitle(row: object) {
	const { text, fallbackLocale } = localizedColumn(row, 'title');
	return { title: text, titleLocale: fallbackLocale };
}

/**
 * The agenda of each event as the link holder may see it: the items of the published programme, and
 * the holder's own items even where the office has not published them.
 */
function toPersonalAgenda(
	personId: number,
	items: Rows<typeof listAgendaItemsOfEvents>,
	roles: Rows<typeof listAgendaRolesOfEvents>
): Map<number, PersonalAgendaItemView[]> {
	const rolesByItem = new Map<number, Rows<typeof listAgendaRolesOfEvents>>();
	for (const role of roles) {
		const list = rolesByItem.get(role.agenda_item_id) ?? [];
		list.push(role);
		rolesByItem.set(role.agenda_item_id, list);
	}
	const byEvent = new Map<number, PersonalAgendaItemView[]>();
	for (const item of items) {
		const people = (rolesByItem.get(item.id) ?? []).map((r) => ({
			name: formatPersonName(r),
			role: r.role,
			roleLabel: agendaRoles.labels[r.role],
			isYou: r.person_id === personId
		}));
		const myRoles = people.filter((p) => p.isYou).map((p) => p.roleLabel);
		if (item.is_published !== 1 && myRoles.length === 0) continue;
		const list = byEvent.get(item.event_id) ?? [];
		list.push({
			id: item.id,
			position: item.position,
			kind: item.kind,
			kindLabel: agendaItemKinds.labels[item.kind],
			...localizedTitle(item),
			startAt: item.start_at,
			endAt: item.end_at,
			mine: myRoles.length > 0,
			myRoles,
			people
		});
		byEvent.set(item.event_id, list);
	}
	return byEvent;
}

export function toPersonalAgendaView(
	person: { id: number; honorific: string | null; given_name: string; family_name: string },
	events: Rows<typeof listEventsOfPerson>,
	items: Rows<typeof listAgendaItemsOfEvents>,
	roles: Rows<typeof listAgendaRolesOfEvents>,
	more: boolean,
	now: Date
): PersonalAgendaView {
	const agendas = toPersonalAgenda(person.id, items, roles);
	return {
		personName: formatPersonName(person),
		more,
		events: events.map((e) => ({
			id: e.id,
			title: e.title,
			kind: e.kind,
			kindLabel: eventKinds.labels[e.kind],
			status: e.status,
			statusLabel: eventStatuses.labels[e.status],
			statusReason: e.status_reason,
			startAt: e.start_at,
			endAt: e.end_at,
			timeZone: e.time_zone,
			allDay: e.all_day === 1,
			timing: e.timing,
			timingLabel: timingCertainties.labels[e.timing],
			venue:
				e.venue_name && e.venue_city && e.venue_country_code
					? {
							name: e.venue_name,
							address: e.venue_address,
							city: e.venue_city,
							countryCode: e.venue_country_code
						}
					: null,
			onlineUrl: e.online_url,
			upcoming: Date.parse(e.end_at) > now.getTime(),
			participation: {
				id: e.participant_id,
				role: e.participant_role,
				roleLabel: participantRoles.labels[e.participant_role],
				positionAtEvent: e.position_at_event,
				rsvpStatus: e.rsvp_status,
				rsvpLabel: rsvpStatuses.labels[e.rsvp_status],
				respondedAt: e.responded_at
			},
			canRespond: canAnswer({ status: e.status, endAt: e.end_at, rsvpStatus: e.rsvp_status }, now),
			agenda: agendas.get(e.id) ?? []
		}))
	};
}
