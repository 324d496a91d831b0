/** What people pages receive: chosen fields in the words pages use, never raw rows. */
import { formatPersonName, formatSortName } from '../../format/names';
import {
	agendaItemKinds,
	agendaRoles,
	correspondenceKinds,
	eventKinds,
	eventStatuses,
	outcomeKinds,
	outcomeStatuses,
	participantRoles,
	type AgendaItemKind,
	type AgendaRole,
	type CorrespondenceKind,
	type EventKind,
	type EventStatus,
	type OutcomeKind,
	type OutcomeStatus,
	type ParticipantRole,
	type TimingCertainty
} from '../../vocabulary';
import {
	distinctNativeName,
	eventRef,
	organizationRef,
	upTo,
	type EventRef,
	type OrganizationRef
} from '../organizations/organization.view';
import type {
	listAgendaRolesOfPerson,
	listCorrespondenceOfPerson,
	listOutcomesOwnedByPerson,
	listParticipationsOfPerson,
	PersonDetailRow,
	PersonListRow
} from './person.repository';

type Row<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>[number];

export interface PersonListItem {
	id: number;
	/** With the honorific: "H.E. Mr António Vitorino". */
	name: string;
	/** Only when it differs from the name. */
	nativeName: string | null;
	position: string | null;
	rank: string | null;
	organization: OrganizationRef | null;
}

/** Shown only for people who agreed to show them to every reader. */
export interface PersonContact {
	email: string | null;
	phone: string | null;
}

/** One event the person took part in, with what they were there. */
export interface PersonParticipationView {
	eventId: number;
	title: string;
	kind: EventKind;
	kindLabel: string;
	status: EventStatus;
	statusLabel: string;
	startAt: string;
	endAt: string;
	timeZone: string;
	timing: TimingCertainty;
	role: ParticipantRole;
	roleLabel: string;
	positionAtEvent: string | null;
	rankAtEvent: string | null;
	organization: OrganizationRef | null;
}

export interface SpeakingRoleView {
	agendaItemId: number;
	title: string;
	kind: AgendaItemKind;
	kindLabel: string;
	role: AgendaRole;
	roleLabel: string;
	startAt: string | null;
	endAt: string | null;
}

/** The agenda items one person had a part in at one event. */
export interface EventEngagementsView {
	event: EventRef;
	items: SpeakingRoleView[];
}

export interface PersonOutcomeView {
	id: number;
	title: string;
	kind: OutcomeKind;
	kindLabel: string;
	status: OutcomeStatus;
	statusLabel: string;
	dueOn: string | null;
	event: EventRef | null;
}

export interface PersonCorrespondenceView {
	id: number;
	kind: CorrespondenceKind;
	kindLabel: string;
	referenceNumber: string | null;
	datedOn: string;
	subject: string;
	sender: OrganizationRef | null;
	recipient: OrganizationRef | null;
	/** "Signatory", "Addressee" or both. */
	capacityLabel: string;
}

export interface PersonPageView {
	id: number;
	/** With the honorific: "H.E. Mr António Vitorino". */
	name: string;
	/** "Vitorino, António". */
	sortName: string;
	honorific: string | null;
	givenName: string;
	familyName: string;
	/** Only when it differs from the name. */
	nativeName: string | null;
	rank: string | null;
	position: string | null;
	organization: OrganizationRef | null;
	notes: string | null;
	contact: PersonContact | null;
	participations: PersonParticipationView[];
	/** There are more events than those listed. */
	moreParticipations: boolean;
	engagements: EventEngagementsView[];
	outcomes: PersonOutcomeView[];
	moreOutcomes: boolean;
	correspondence: PersonCorrespondenceView[];
	moreCorrespondence: boolean;
}

export function toPersonListItem(row: PersonListRow): PersonListItem {
	return {
		id: row.id,
		name: formatPersonName(row),
		nativeName: distinctNativeName(row),
		position: row.position,
		rank: row.rank,
		organization: organizationRef(row.organization_id, row.organization_name, row.organization_acronym)
	};
}

function toParticipationView(row: Row<typeof listParticipationsOfPerson>): PersonParticipationView {
	return {
		eventId: row.event_id,
		title: row.title,
		kind: row.kind,
		kindLabel: eventKinds.labels[row.kind],
		status: row.status,
		statusLabel: eventStatuses.labels[row.status],
		startAt: row.start_at,
		endAt: row.end_at,
		timeZone: row.time_zone,
		timing: row.timing,
		role: row.role,
		roleLabel: participantRoles.labels[row.role],
		positionAtEvent: row.position_at_event,
		rankAtEvent: row.rank_at_event,
		organization: organizationRef(row.organization_id, row.organization_name, row.organization_acronym)
	};
}

/** Engagements grouped by event, in the order the events are listed. */
function toEngagementViews(
	participations: PersonParticipationView[],
	roles: Row<typeof listAgendaRolesOfPerson>[]
): EventEngagementsView[] {
	return participations.flatMap((p) => {
		const items = roles
			.filter((r) => r.event_id === p.eventId)
			.map((r) => ({
				agendaItemId: r.agenda_item_id,
				title: r.title,
				kind: r.kind,
				kindLabel: agendaItemKinds.labels[r.kind],
				role: r.role,
				roleLabel: agendaRoles.labels[r.role],
				startAt: r.start_at,
				endAt: r.end_at
			}));
		if (items.length === 0) return [];
		return [{ event: { id: p.eventId, title: p.title, startAt: p.startAt, timeZone: p.timeZone }, items }];
	});
}

function toPersonOutcomeView(row: Row<typeof listOutcomesOwnedByPerson>): PersonOutcomeView {
	return {
		id: row.id,
		title: row.title,
		kind: row.kind,
		kindLabel: outcomeKinds.labels[row.kind],
		status: row.status,
		statusLabel: outcomeStatuses.labels[row.status],
		dueOn: row.due_on,
		event: eventRef(row.event_id, row.event_title, row.event_start_at, row.event_time_zone)
	};
}

function toPersonCorrespondenceView(
	row: Row<typeof listCorrespondenceOfPerson>,
	personId: number
): PersonCorrespondenceView {
	const signed = row.signatory_person_id === personId;
	const addressed = row.addressee_person_id === personId;
	return {
		id: row.id,
		kind: row.kind,
		kindLabel: correspondenceKinds.labels[row.kind],
		referenceNumber: row.reference_number,
		datedOn: row.dated_on,
		subject: row.subject,
		sender: organizationRef(row.sender_id, row.sender_name, row.sender_acronym),
		recipient: organizationRef(row.recipient_id, row.recipient_name, row.recipient_acronym),
		capacityLabel: signed && addressed ? 'Signatory and addressee' : signed ? 'Signatory' : 'Addressee'
	};
}

export function toPersonPageView(
	person: PersonDetailRow,
	parts: {
		participations: Row<typeof listParticipationsOfPerson>[];
		agendaRoles: Row<typeof listAgendaRolesOfPerson>[];
		outcomes: Row<typeof listOutcomesOwnedByPerson>[];
		correspondence: Row<typeof listCorrespondenceOfPerson>[];
	},
	limits: { participations: number; outcomes: number; correspondence: number }
): PersonPageView {
	const participations = upTo(parts.participations, limits.participations);
	const outcomes = upTo(parts.outcomes, limits.outcomes);
	const correspondence = upTo(parts.correspondence, limits.correspondence);
	const participationViews = participations.items.map(toParticipationView);
	const email = person.public_email?.trim() || null;
	const phone = person.public_phone?.trim() || null;
	return {
		id: person.id,
		name: formatPersonName(person),
		sortName: formatSortName(person),
		honorific: person.honorific,
		givenName: person.given_name,
		familyName: person.family_name,
		nativeName: distinctNativeName(person),
		rank: person.rank,
		position: person.position,
		organization: organizationRef(
			person.organization_id,
			person.organization_name,
			person.organization_acronym
		),
		notes: person.notes,
		contact: email || phone ? { email, phone } : null,
		participations: participationViews,
		moreParticipations: participations.more,
		engagements: toEngagementViews(participationViews, parts.agendaRoles),
		outcomes: outcomes.items.map(toPersonOutcomeView),
		moreOutcomes: outcomes.more,
		correspondence: correspondence.items.map((row) => toPersonCorrespondenceView(row, person.id)),
		moreCorrespondence: correspondence.more
	};
}
