/** What organisation pages receive: chosen fields in the words pages use, never raw rows. */
import { formatPersonName } from '../../format/names';
import {
	correspondenceKinds,
	eventKinds,
	eventStatuses,
	hostRoles,
	organizationKinds,
	outcomeKinds,
	outcomeStatuses,
	type CorrespondenceKind,
	type EventKind,
	type EventStatus,
	type HostRole,
	type OrganizationKind,
	type OutcomeKind,
	type OutcomeStatus,
	type TimingCertainty
} from '../../vocabulary';
import type { OrganizationRef } from '../events/event.view';
import type { Page } from '../pagination';
import type {
	listAncestors,
	listChildOrganizations,
	listCorrespondenceOfOrganization,
	listEventsOfOrganization,
	listOutcomesOfOrganization,
	listPeopleOfOrganization,
	OrganizationDetailRow,
	OrganizationListRow
} from './organization.repository';

export type { OrganizationRef };

type Row<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>[number];

export interface OrganizationListItem extends OrganizationRef {
	kind: OrganizationKind;
	kindLabel: string;
	countryCode: string | null;
	city: string | null;
	parent: OrganizationRef | null;
	personCount: number;
	childCount: number;
}

export interface OrganizationListView {
	organizations: Page<OrganizationListItem>;
	/** The organisation whose sub-organisations are listed, when the list is narrowed to them. */
	parent: OrganizationRef | null;
}

export interface SubOrganizationView extends OrganizationRef {
	kindLabel: string;
	countryCode: string | null;
	city: string | null;
}

export interface MemberView {
	id: number;
	name: string;
	nativeName: string | null;
	position: string | null;
	rank: string | null;
}

export type OrganizationEventRole = HostRole | 'participant';

export interface OrganizationEventView {
	id: number;
	title: string;
	kind: EventKind;
	kindLabel: string;
	status: EventStatus;
	statusLabel: string;
	startAt: string;
	endAt: string;
	timeZone: string;
	timing: TimingCertainty;
	/** Host or co-host when it is one, otherwise participant. */
	role: OrganizationEventRole;
	roleLabel: string;
	/** How many participants came on the organisation's behalf. */
	participantCount: number;
}

export interface EventRef {
	id: number;
	title: string;
	startAt: string;
	timeZone: string;
}

export interface OrganizationOutcomeView {
	id: number;
	title: string;
	kind: OutcomeKind;
	kindLabel: string;
	status: OutcomeStatus;
	statusLabel: string;
	dueOn: string | null;
	signedOn: string | null;
	event: EventRef | null;
	isOwner: boolean;
	isParty: boolean;
	/** "Owner", "Party" or "Owner and party". */
	relationLabel: string;
}

export interface OrganizationCorrespondenceView {
	id: number;
	kind: CorrespondenceKind;
	kindLabel: string;
	referenceNumber: string | null;
	datedOn: string;
	subject: string;
	direction: 'sent' | 'received';
	/** The other side: the recipient of what it sent, the sender of what it received. */
	counterpart: OrganizationRef | null;
}

export interface OrganizationPageView extends OrganizationRef {
	kind: OrganizationKind;
	kindLabel: string;
	countryCode: string | null;
	city: string | null;
	website: string | null;
	/** The website as a link target, only when it is an http(s) address. */
	websiteHref: string | null;
	notes: string | null;
	/** Parents from the root down to the direct parent; empty for a root. */
	ancestors: OrganizationRef[];
	children: SubOrganizationView[];
	moreChildren: boolean;
	people: MemberView[];
	morePeople: boolean;
	events: OrganizationEventView[];
	moreEvents: boolean;
	outcomes: OrganizationOutcomeView[];
	moreOutcomes: boolean;
	correspondence: OrganizationCorrespondenceView[];
	moreCorrespondence: boolean;
}

export function organizationRef(
	id: number | null,
	name: string | null,
	acronym: string | null
): OrganizationRef | null {
	return id !== null && name !== null ? { id, name, acronym } : null;
}

/** The native name, when it says more than the name already shown. */
export function distinctNativeName(p: {
	given_name: string;
	family_name: string;
	native_name: string | null;
}): string | null {
	const native = p.native_name?.trim();
	return native && native !== `${p.given_name} ${p.family_name}` ? native : null;
}

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

export function toOrganizationListItem(row: OrganizationListRow): OrganizationListItem {
	return {
		id: row.id,
		name: row.name,
		acronym: row.acronym,
		kind: row.kind,
		kindLabel: organizationKinds.labels[row.kind],
		countryCode: row.country_code,
		city: row.city,
		parent: organizationRef(row.parent_id, row.parent_name, row.parent_acronym),
		personCount: Number(row.person_count ?? 0),
		childCount: Number(row.child_count ?? 0)
	};
}

function toSubOrganizationView(row: Row<typeof listChildOrganizations>): SubOrganizationView {
	return {
		id: row.id,
		name: row.name,
		acronym: row.acronym,
		kindLabel: organizationKinds.labels[row.kind],
		countryCode: row.country_code,
		city: row.city
	};
}

function toMemberView(row: Row<typeof listPeopleOfOrganization>): MemberView {
	return {
		id: row.id,
		name: formatPersonName(row),
		nativeName: distinctNativeName(row),
		position: row.position,
		rank: row.rank
	};
}

function toOrganizationEventView(row: Row<typeof listEventsOfOrganization>): OrganizationEventView {
	const role: OrganizationEventRole = row.host_role ?? 'participant';
	return {
		id: row.id,
		title: row.title,
		kind: row.kind,
		kindLabel: eventKinds.labels[row.kind],
		status: row.status,
		statusLabel: eventStatuses.labels[row.status],
		startAt: row.start_at,
		endAt: row.end_at,
		timeZone: row.time_zone,
		timing: row.timing,
		role,
		roleLabel: role === 'participant' ? 'Participant' : hostRoles.labels[role],
		participantCount: Number(row.participant_count ?? 0)
	};
}

function toOrganizationOutcomeView(row: Row<typeof listOutcomesOfOrganization>): OrganizationOutcomeView {
	const isOwner = Number(row.is_owner) === 1;
	const isParty = Number(row.is_party) === 1;
	return {
		id: row.id,
		title: row.title,
		kind: row.kind,
		kindLabel: outcomeKinds.labels[row.kind],
		status: row.status,
		statusLabel: outcomeStatuses.labels[row.status],
		dueOn: row.due_on,
		signedOn: row.signed_on,
		event: eventRef(row.event_id, row.event_title, row.event_start_at, row.event_time_zone),
		isOwner,
		isParty,
		relationLabel: isOwner && isParty ? 'Owner and party' : isOwner ? 'Owner' : 'Party'
	};
}

function toOrganizationCorrespondenceView(
	row: Row<typeof listCorrespondenceOfOrganization>,
	organizationId: number
): OrganizationCorrespondenceView {
	const sent = row.sender_id === organizationId;
	return {
		id: row.id,
		kind: row.kind,
		kindLabel: correspondenceKinds.labels[row.kind],
		referenceNumber: row.reference_number,
		datedOn: row.dated_on,
		subject: row.subject,
		direction: sent ? 'sent' : 'received',
		counterpart: sent
			? organizationRef(row.recipient_id, row.recipient_name, row.recipient_acronym)
			: organizationRef(row.sender_id, row.sender_name, row.sender_acronym)
	};
}

/** Parents root first, as far as they go without coming back round: a loop shows each one once. */
function toAncestry(organizationId: number, rootFirst: Row<typeof listAncestors>[]): OrganizationRef[] {
	const seen = new Set([organizationId]);
	const nearestFirst: OrganizationRef[] = [];
	for (const a of [...rootFirst].reverse()) {
		if (seen.has(a.id)) break;
		seen.add(a.id);
		nearestFirst.push({ id: a.id, name: a.name, acronym: a.acronym });
	}
	return nearestFirst.reverse();
}

/** Rows fetched with limit + 1: the items to show, and whether there are more. */
export function upTo<T>(rows: T[], limit: number): { items: T[]; more: boolean } {
	return { items: rows.slice(0, limit), more: rows.length > limit };
}

export function toOrganizationPageView(
	organization: OrganizationDetailRow,
	parts: {
		ancestors: Row<typeof listAncestors>[];
		children: Row<typeof listChildOrganizations>[];
		people: Row<typeof listPeopleOfOrganization>[];
		events: Row<typeof listEventsOfOrganization>[];
		outcomes: Row<typeof listOutcomesOfOrganization>[];
		correspondence: Row<typeof listCorrespondenceOfOrganization>[];
	},
	limits: { children: number; people: number; events: number; outcomes: number; correspondence: number }
): OrganizationPageView {
	const children = upTo(parts.children, limits.children);
	const people = upTo(parts.people, limits.people);
	const events = upTo(parts.events, limits.events);
	const outcomes = upTo(parts.outcomes, limits.outcomes);
	const correspondence = upTo(parts.correspondence, limits.correspondence);
	const website = organization.website?.trim() || null;
	return {
		id: organization.id,
		name: organization.name,
		acronym: organization.acronym,
		kind: organization.kind,
		kindLabel: organizationKinds.labels[organization.kind],
		countryCode: organization.country_code,
		city: organization.city,
		website,
		websiteHref: website && /^https?:\/\/\S+$/i.test(website) ? website : null,
		notes: organization.notes,
		ancestors: toAncestry(organization.id, parts.ancestors),
		children: children.items.map(toSubOrganizationView),
		moreChildren: children.more,
		people: people.items.map(toMemberView),
		morePeople: people.more,
		events: events.items.map(toOrganizationEventView),
		moreEvents: events.more,
		outcomes: outcomes.items.map(toOrganizationOutcomeView),
		moreOutcomes: outcomes.more,
		correspondence: correspondence.items.map((row) => toOrganizationCorrespondenceView(row, organization.id)),
		moreCorrespondence: correspondence.more
	};
}
