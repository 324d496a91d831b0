/** What organisation pages receive: chosen fields in the words pages use, never raw rows. */
import { hostRoles, organizationKinds, type HostRole, type OrganizationKind } from '../../vocabulary';
import { toCorrespondenceSummary, type CorrespondenceSummary } from '../correspondence/correspondence.view';
import { toEventSummary, type EventSummary } from '../events/event.view';
import { toOutcomeSummary, type OutcomeSummary } from '../outcomes/outcome.view';
import { upTo, type Page } from '../pagination';
import { toPersonSummary, type PersonSummary } from '../people/person.view';
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
import { organizationRef, type OrganizationRef } from './organization.ref';

type Row<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>[number];

/** An organisation in brief, as every list of organisations shows it. */
export interface OrganizationSummary extends OrganizationRef {
	kind: OrganizationKind;
	kindLabel: string;
	countryCode: string | null;
	city: string | null;
}

/** The columns an organisation summary is made from. */
export interface OrganizationSummaryRow {
	id: number;
	name: string;
	acronym: string | null;
	kind: OrganizationKind;
	country_code: string | null;
	city: string | null;
}

export interface OrganizationListItem extends OrganizationSummary {
	parent: OrganizationRef | null;
	personCount: number;
	childCount: number;
}

export interface OrganizationListView {
	organizations: Page<OrganizationListItem>;
	/** The organisation whose sub-organisations are listed, when the list is narrowed to them. */
	parent: OrganizationRef | null;
}

export type SubOrganizationView = OrganizationSummary;

/** Someone whose current organisation this is. */
export type MemberView = PersonSummary;

export type OrganizationEventRole = HostRole | 'participant';

export interface OrganizationEventView extends EventSummary {
	/** Host or co-host when it is one, otherwise participant. */
	role: OrganizationEventRole;
	roleLabel: string;
	/** How many participants came on the organisation's behalf. */
	participantCount: number;
}

export interface OrganizationOutcomeView extends OutcomeSummary {
	isOwner: boolean;
	isParty: boolean;
	/** "Owner", "Party" or "Owner and party". */
	relationLabel: string;
}

export interface OrganizationCorrespondenceView extends CorrespondenceSummary {
	direction: 'sent' | 'received';
	/** The other side: the recipient of what it sent, the sender of what it received. */
	counterpart: OrganizationRef | null;
}

export interface OrganizationPageView extends OrganizationSummary {
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
	/** How many agreements it is a party to, and projects it is a partner in (the registers list them). */
	agreements: { total: number; inForce: number };
	projects: { total: number; ongoing: number };
}

export function toOrganizationSummary(row: OrganizationSummaryRow): OrganizationSummary {
	return {
		id: row.id,
		name: row.name,
		acronym: row.acronym,
		kind: row.kind,
		kindLabel: organizationKinds.labels[row.kind],
		countryCode: row.country_code,
		city: row.city
	};
}

export function toOrganizationListItem(row: OrganizationListRow): OrganizationListItem {
	return {
		...toOrganizationSummary(row),
		parent: organizationRef(row.parent_id, row.parent_name, row.parent_acronym),
		personCount: Number(row.person_count ?? 0),
		childCount: Number(row.child_count ?? 0)
	};
}

function toOrganizationEventView(row: Row<typeof listEventsOfOrganization>): OrganizationEventView {
	const role: OrganizationEventRole = row.host_role ?? 'participant';
	return {
		...toEventSummary(row),
		role,
		roleLabel: role === 'participant' ? 'Participant' : hostRoles.labels[role],
		participantCount: Number(row.participant_count ?? 0)
	};
}

function toOrganizationOutcomeView(row: Row<typeof listOutcomesOfOrganization>): OrganizationOutcomeView {
	const isOwner = Number(row.is_owner) === 1;
	const isParty = Number(row.is_party) === 1;
	return {
		...toOutcomeSummary(row),
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
		...toCorrespondenceSummary(row),
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
): Omit<OrganizationPageView, 'agreements' | 'projects'> {
	const children = upTo(parts.children, limits.children);
	const people = upTo(parts.people, limits.people);
	const events = upTo(parts.events, limits.events);
	const outcomes = upTo(parts.outcomes, limits.outcomes);
	const correspondence = upTo(parts.correspondence, limits.correspondence);
	const website = organization.website?.trim() || null;
	return {
		...toOrganizationSummary(organization),
		website,
		websiteHref: website && /^https?:\/\/\S+$/i.test(website) ? website : null,
		notes: organization.notes,
		ancestors: toAncestry(organization.id, parts.ancestors),
		children: children.items.map(toOrganizationSummary),
		moreChildren: children.more,
		people: people.items.map(toPersonSummary),
		morePeople: people.more,
		events: events.items.map(toOrganizationEventView),
		moreEvents: events.more,
		outcomes: outcomes.items.map(toOrganizationOutcomeView),
		moreOutcomes: outcomes.more,
		correspondence: correspondence.items.map((row) => toOrganizationCorrespondenceView(row, organization.id)),
		moreCorrespondence: correspondence.more
	};
}
