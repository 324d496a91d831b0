/** What event pages receive: chosen fields in the words pages use, never raw rows. */
import { m } from '../../paraglide/messages.js';
import type { AgreementSummary } from '../agreements/agreement.view';
import type { ProjectRef } from '../projects/project.ref';
import { allDayDates, formatOffset, formatShortDays, formatTime, formatWhen } from '../../format/datetime';
import { distinctNativeName, formatPersonName, formatTitles } from '../../format/names';
import { localizedColumn, localizedOptionalColumn, type ContentLocale } from '../../i18n/localized-text';
import {
	agendaItemKinds,
	agendaRoles,
	eventKinds,
	eventStatuses,
	hasTopics,
	participantRoles,
	rsvpStatuses,
	timingCertainties,
	type AgendaItemKind,
	type AgendaRole,
	type EventKind,
	type EventStatus,
	type HostRole,
	type ParticipantRole,
	type RsvpStatus,
	type TimingCertainty
} from '../../vocabulary';
import type { listAgendaItems, listAgendaRoles } from '../agenda/agenda.repository';
import type { LinkedCorrespondenceItem } from '../correspondence/correspondence.view';
import {
	localizedOrganizationName,
	organizationRef,
	type OrganizationRef
} from '../organizations/organization.ref';
import type { OutcomeView } from '../outcomes/outcome.view';
import type { listDelegations, listParticipants } from '../participants/participant.repository';
import type { EventDetailRow, EventListRow, listHostsForEvents } from './event.repository';

type Rows<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>;

/** An event in brief, as every list of events shows it (the events list, a person's, an organisation's). */
export interface EventSummary {
	id: number;
	/** In the reader's language, else the original (`localizedText`). */
	title: string;
	/** Set when `title` is not in the reader's language: the language it is in, for its tag. */
	titleLocale: ContentLocale | null;
	kind: EventKind;
	kindLabel: string;
	status: EventStatus;
	statusLabel: string;
	startAt: string;
	endAt: string;
	timeZone: string;
	timing: TimingCertainty;
	/** Whole days: shown as dates (`formatWhen`), from midnight to midnight in its zone. */
	allDay: boolean;
}

/**
 * An event with its dates written in its zone for a table of events (EventTable): its days ("17 Dec
 * 2021", or the first and last of several whole days), what the table writes under them, whether it tags
 * the time as assumed, and whether the event has a brief.
 */
export type DatedEventSummary<T extends EventSummary = EventSummary> = T & {
	days: string;
	/** "All day" for whole days; when asked for, the start's time and offset ("10:00 UTC+4"); else null. */
	under: string | null;
	/** The time is not stated but assumed: the table says so. */
	assumed: boolean;
	/** Its kind has topics, so it has a brief to link to (hasTopics). */
	brief: boolean;
};

/** The event dated by the load, so that the page listing it formats no dates. */
export function datedSummary<T extends EventSummary>(event: T, withTime = false): DatedEventSummary<T> {
	const dated = { ...event, days: formatShortDays(event), brief: hasTopics(event.kind) };
	if (event.allDay) {
		return { ...dated, under: m.events_table_all_day(), assumed: event.timing === 'date_assumed' };
	}
	if (!withTime) return { ...dated, under: null, assumed: event.timing === 'date_assumed' };
	const under = `${formatTime(event.startAt, event.timeZone)} ${formatOffset(event.startAt, event.timeZone)}`;
	return { ...dated, under, assumed: event.timing !== 'exact' };
}

/**
 * When an event happens, written in its own zone for its facts (EventWhenWhere): its dates when it takes
 * whole days, else its times (`formatWhen`); what its <time> gives machines (the first day, or the start
 * instant); the zone's offset at the start ("UTC+4"), which the facts leave out for whole days.
 */
export interface WrittenWhen {
	text: string;
	datetime: string | null;
	offset: string;
}

/** The event's `WrittenWhen`, written by the load so that the page formats no dates. */
export function writtenWhen(event: {
	startAt: string;
	endAt: string;
	timeZone: string;
	allDay?: boolean;
}): WrittenWhen {
	const datetime = event.allDay
		? (allDayDates(event.startAt, event.endAt, event.timeZone)?.first ?? null)
		: event.startAt;
	return { text: formatWhen(event), datetime, offset: formatOffset(event.startAt, event.timeZone) };
}

/** An agenda item's clock times in its event's zone ("10:00", "10:20"), for AgendaItemTime; null where not given. */
export type TimedItem<T extends { startAt: string | null; endAt: string | null }> = T & {
	clock: { start: string | null; end: string | null };
};

/** The item with its clock times written out by the load, so that the page formats no dates. */
export function timedItem<T extends { startAt: string | null; endAt: string | null }>(
	item: T,
	timeZone: string
): TimedItem<T> {
	const time = (instant: string | null) => instant && formatTime(instant, timeZone);
	return { ...item, clock: { start: time(item.startAt), end: time(item.endAt) } };
}

/** The columns an event summary is made from (`eventSummaryColumns` in the repository). */
export interface EventSummaryRow {
	id: number;
	title: string;
	title_locale: string | null;
	title_az: string | null;
	title_en: string | null;
	title_ru: string | null;
	kind: EventKind;
	status: EventStatus;
	start_at: string;
	end_at: string;
	time_zone: string;
	timing: TimingCertainty;
	all_day: number;
}

export interface HostView extends OrganizationRef {
	role: HostRole;
}

export interface EventListItem extends EventSummary {
	place: string | null;
	online: boolean;
	hosts: HostView[];
}

/** A person as named at one event: title and rank as they stood then. */
export interface PersonAtEvent {
	personId: number;
	name: string;
	/** In their own script; null when it reads as the Latin name does. */
	nativeName: string | null;
	/** In the reader's language where the person's history has a version of it, else as recorded. */
	position: string | null;
	/** Set when `position` is not in the reader's language: the language it is in, for its tag. */
	positionLocale: ContentLocale | null;
	rank: string | null;
	organization: OrganizationRef | null;
	/** What follows the name wherever they are named (`formatTitles`): position, organisation, rank. */
	titles: string;
}

/** What a line naming a person shows (PersonAtEventLine): the event page sends no more of them. */
export type PersonNamed = Pick<
	PersonAtEvent,
	'personId' | 'name' | 'nativeName' | 'positionLocale' | 'titles'
>;

export function toPersonNamed(person: PersonAtEvent): PersonNamed {
	return {
		personId: person.personId,
		name: person.name,
		nativeName: person.nativeName,
		positionLocale: person.positionLocale,
		titles: person.titles
	};
}

export interface AgendaItemView {
	id: number;
	position: number;
	kind: AgendaItemKind;
	kindLabel: string;
	/** In the reader's language, else as written; `titleLocale` set on that fallback. */
	title: string;
	titleLocale: ContentLocale | null;
	startAt: string | null;
	endAt: string | null;
	notes: string | null;
	people: (PersonAtEvent & { role: AgendaRole; roleLabel: string })[];
}

export interface ParticipantView extends PersonAtEvent {
	id: number;
	role: ParticipantRole;
	roleLabel: string;
	rsvpStatus: RsvpStatus;
	rsvpLabel: string;
}

export interface DelegationView {
	id: number | null;
	name: string;
	organization: OrganizationRef | null;
	head: ParticipantView | null;
	members: ParticipantView[];
}

export interface EventPageView extends EventSummary {
	statusReason: string | null;
	theme: string | null;
	description: string | null;
	timingLabel: string;
	venue: { name: string; address: string | null; city: string; countryCode: string } | null;
	onlineUrl: string | null;
	series: { id: number; name: string } | null;
	isPublic: boolean;
	icalUid: string;
	icalSequence: number;
	updatedAt: string;
	hosts: HostView[];
	agenda: AgendaItemView[];
	delegations: DelegationView[];
	participantCount: number;
	outcomes: OutcomeView[];
	followsUp: OutcomeView[];
	correspondence: LinkedCorrespondenceItem[];
	/** Agreements signed at the event. */
	agreements: AgreementSummary[];
	/** Projects the event is part of. */
	projects: ProjectRef[];
}

/** A row's title in the reader's language, with `titleLocale` set when it falls back to the original. */
function localizedTitle(row: object) {
	const title = localizedColumn(row, 'title');
	return { title: title.text, titleLocale: title.fallbackLocale };
}

export function toEventSummary(row: EventSummaryRow): EventSummary {
	const title = localizedColumn(row, 'title');
	return {
		id: row.id,
		title: title.text,
		titleLocale: title.fallbackLocale,
		kind: row.kind,
		kindLabel: eventKinds.labels[row.kind],
		status: row.status,
		statusLabel: eventStatuses.labels[row.status],
		startAt: row.start_at,
		endAt: row.end_at,
		timeZone: row.time_zone,
		timing: row.timing,
		allDay: row.all_day === 1
	};
}

export function toHostViews(rows: Rows<typeof listHostsForEvents>): Map<number, HostView[]> {
	const byEvent = new Map<number, HostView[]>();
	for (const row of rows) {
		const hosts = byEvent.get(row.event_id) ?? [];
		hosts.push({ id: row.id, name: localizedColumn(row, 'name').text, acronym: row.acronym, role: row.role });
		byEvent.set(row.event_id, hosts);
	}
	return byEvent;
}

export function toEventListItem(row: EventListRow, hosts: HostView[]): EventListItem {
	return {
		...toEventSummary(row),
		place: row.venue_name ? [row.venue_name, row.venue_city].filter(Boolean).join(', ') : null,
		online: row.online_url !== null,
		hosts
	};
}

export type PersonAtEventRow = {
	person_id: number;
	honorific: string | null;
	given_name: string;
	family_name: string;
	native_name: string | null;
	current_position: string | null;
	current_rank: string | null;
	position_at_event: string | null;
	/** The post's versions in other languages, from the person's history (`personAtEventColumns`). */
	position_at_event_locale?: string | null;
	position_at_event_az?: string | null;
	position_at_event_en?: string | null;
	position_at_event_ru?: string | null;
	rank_at_event: string | null;
	organization_id: number | null;
	organization_name: string | null;
	organization_acronym: string | null;
	/** The organisation's name in other languages (`organizationNameVersionColumns`). */
	organization_name_locale?: string | null;
	organization_name_az?: string | null;
	organization_name_en?: string | null;
	organization_name_ru?: string | null;
};

export function toPersonAtEvent(row: PersonAtEventRow): PersonAtEvent {
	const position = localizedOptionalColumn(
		{ ...row, position_at_event: row.position_at_event ?? row.current_position },
		'position_at_event'
	);
	const held = {
		position: position?.text ?? null,
		rank: row.rank_at_event ?? row.current_rank,
		organization: organizationRef(
			row.organization_id,
			localizedOrganizationName(row, 'organization'),
			row.organization_acronym
		)
	};
	return {
		personId: row.person_id,
		name: formatPersonName(row),
		nativeName: distinctNativeName(row.native_name, row),
		...held,
		positionLocale: position?.fallbackLocale ?? null,
		titles: formatTitles(held)
	};
}

export function toAgendaViews(
	items: Rows<typeof listAgendaItems>,
	roles: Rows<typeof listAgendaRoles>
): AgendaItemView[] {
	return items.map((item) => ({
		id: item.id,
		position: item.position,
		kind: item.kind,
		kindLabel: agendaItemKinds.labels[item.kind],
		...localizedTitle(item),
		startAt: item.start_at,
		endAt: item.end_at,
		notes: item.notes,
		people: roles
			.filter((r) => r.agenda_item_id === item.id)
			.map((r) => ({ ...toPersonAtEvent(r), role: r.role, roleLabel: agendaRoles.labels[r.role] }))
	}));
}

/** Participants grouped by side; those on no side form a last, unnamed group. */
export function toDelegationViews(
	delegations: Rows<typeof listDelegations>,
	participants: Rows<typeof listParticipants>
): DelegationView[] {
	const views = participants.map((p) => ({
		delegationId: p.delegation_id,
		view: {
			...toPersonAtEvent(p),
			id: p.id,
			role: p.role,
			roleLabel: participantRoles.labels[p.role],
			rsvpStatus: p.rsvp_status,
			rsvpLabel: rsvpStatuses.labels[p.rsvp_status]
		} satisfies ParticipantView
	}));
	const group = (id: number | null, name: string, organization: OrganizationRef | null): DelegationView => {
		const members = views.filter((v) => v.delegationId === id).map((v) => v.view);
		const head = members.find((member) => member.role === 'head_of_delegation') ?? null;
		return { id, name, organization, head, members: members.filter((member) => member !== head) };
	};
	const groups = delegations.map((d) =>
		group(d.id, d.name, organizationRef(d.organization_id, d.organization_name, d.organization_acronym))
	);
	const unassigned = group(null, delegations.length > 0 ? 'Other participants' : 'Participants', null);
	if (unassigned.members.length > 0 || unassigned.head) groups.push(unassigned);
	return groups;
}

export function toEventPageView(
	event: EventDetailRow,
	parts: Pick<
		EventPageView,
		| 'hosts'
		| 'agenda'
		| 'delegations'
		| 'participantCount'
		| 'outcomes'
		| 'followsUp'
		| 'correspondence'
		| 'agreements'
		| 'projects'
	>
): EventPageView {
	return {
		...toEventSummary(event),
		statusReason: event.status_reason,
		theme: event.theme,
		description: event.description,
		timingLabel: timingCertainties.labels[event.timing],
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
		series: event.series_id && event.series_name ? { id: event.series_id, name: event.series_name } : null,
		isPublic: event.is_public === 1,
		icalUid: event.ical_uid,
		icalSequence: event.ical_sequence,
		updatedAt: event.updated_at,
		...parts
	};
}
