/** What people pages receive: chosen fields in the words pages use, never raw rows. */
import { localizedColumn, localizedOptionalColumn, type ContentLocale } from '../../i18n/localized-text';
import { formatPersonName, formatSortName, type NameParts } from '../../format/names';
import { m } from '../../paraglide/messages.js';
import {
	agendaItemKinds,
	agendaRoles,
	participantRoles,
	type AgendaItemKind,
	type AgendaRole,
	type ParticipantRole
} from '../../vocabulary';
import { toCorrespondenceSummary, type CorrespondenceSummary } from '../correspondence/correspondence.view';
import type { EventRef } from '../events/event.ref';
import { toEventSummary, type EventSummary } from '../events/event.view';
import { organizationRef, type OrganizationRef } from '../organizations/organization.ref';
import { toOutcomeSummary, type OutcomeSummary } from '../outcomes/outcome.view';
import { upTo } from '../pagination';
import type { PositionRow } from './person-position.repository';
import { toPositionViews, type PositionView } from './person-position.view';
import type {
	listAgendaRolesOfPerson,
	listCorrespondenceOfPerson,
	listOutcomesOwnedByPerson,
	listParticipationsOfPerson,
	PersonDetailRow,
	PersonListRow,
	PersonMatchRow
} from './person.repository';

type Row<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>[number];

/** A person in brief, as the people list and an organisation's page show them. */
export interface PersonSummary {
	id: number;
	/** With the honorific: "H.E. Mr António Vitorino". */
	name: string;
	/** Only when it differs from the name. */
	nativeName: string | null;
	/** Their current post in the reader's language, else as written. */
	position: string | null;
	/** Set when `position` is not in the reader's language: the language it is in, for its tag. */
	positionLocale: ContentLocale | null;
	rank: string | null;
}

/** The columns a person summary is made from (`personNameColumns`, `currentPostColumns` and rank). */
export interface PersonSummaryRow extends NameParts {
	id: number;
	native_name: string | null;
	position: string | null;
	position_locale: string | null;
	position_az: string | null;
	position_en: string | null;
	position_ru: string | null;
	rank: string | null;
}

export interface PersonListItem extends PersonSummary {
	organization: OrganizationRef | null;
}

/** Someone in the directory who may be the person about to be added, and why. */
export interface PersonMatchView extends PersonListItem {
	/** "Same e-mail address", "Same name" or both. */
	reason: string;
}

/** Shown only for people who agreed to show them to every reader. */
export interface PersonContact {
	email: string | null;
	phone: string | null;
}

/** One event the person took part in, with what they were there. */
export interface PersonParticipationView extends EventSummary {
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

export type PersonOutcomeView = OutcomeSummary;

export interface PersonCorrespondenceView extends CorrespondenceSummary {
	sender: OrganizationRef | null;
	recipient: OrganizationRef | null;
	/** "Signatory", "Addressee" or both. */
	capacityLabel: string;
}

export interface PersonPageView extends PersonSummary {
	/** Posts held over time, latest first. */
	positions: PositionView[];
	/** Records of the same person merged into this one: the names they had, latest merge first. */
	alsoRecordedAs: { name: string; mergedAt: string }[];
	/** "Vitorino, António". */
	sortName: string;
	honorific: string | null;
	givenName: string;
	familyName: string;
	organization: OrganizationRef | null;
	notes: string | null;
	contact: PersonContact | null;
	participations: PersonParticipationView[];
	/** There are more events than those listed. */
	moreParticipations: boolean;
	engagements: EventEngagementsView[];
	/** The latest outcomes they own (the last recorded), those of the latest events first. */
	outcomes: PersonOutcomeView[];
	/** They own more outcomes than those listed: all are at `outcomesHref`. */
	moreOutcomes: boolean;
	/** How many outcomes they own, counted up to `outcomeCountLimit`. */
	outcomeCount: number;
	/** They own more than `outcomeCount` ("1000+"): counting stopped there. */
	outcomeCountMore: boolean;
	/** How far their outcomes are counted (1000). */
	outcomeCountLimit: number;
	/** The outcome list filtered to theirs, latest first. */
	outcomesHref: string;
	correspondence: PersonCorrespondenceView[];
	moreCorrespondence: boolean;
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

function currentPost(row: PersonSummaryRow) {
	const post = localizedOptionalColumn(row, 'position');
	return { position: post?.text ?? null, positionLocale: post?.fallbackLocale ?? null };
}

export function toPersonSummary(row: PersonSummaryRow): PersonSummary {
	return {
		id: row.id,
		name: formatPersonName(row),
		nativeName: distinctNativeName(row),
		...currentPost(row),
		rank: row.rank
	};
}

export function toPersonListItem(row: PersonListRow): PersonListItem {
	return {
		...toPersonSummary(row),
		organization: organizationRef(row.organization_id, row.organization_name, row.organization_acronym)
	};
}

export function toPersonMatchView(row: PersonMatchRow, nameKeys: readonly string[]): PersonMatchView {
	const sameName = row.name_key !== null && nameKeys.includes(row.name_key);
	const sameEmail = Number(row.same_email) === 1;
	return {
		...toPersonListItem(row),
		reason:
			sameName && sameEmail
				? m.people_match_same_both()
				: sameEmail
					? m.people_match_same_email()
					: m.people_match_same_name()
	};
}

function toParticipationView(row: Row<typeof listParticipationsOfPerson>): PersonParticipationView {
	return {
		...toEventSummary(row),
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
			.filter((r) => r.event_id === p.id)
			.map((r) => ({
				agendaItemId: r.agenda_item_id,
				// The item's title in the reader's language, else as written.
				title: localizedColumn(r, 'title').text,
				kind: r.kind,
				kindLabel: agendaItemKinds.labels[r.kind],
				role: r.role,
				roleLabel: agendaRoles.labels[r.role],
				startAt: r.start_at,
				endAt: r.end_at
			}));
		if (items.length === 0) return [];
		return [{ event: { id: p.id, title: p.title, startAt: p.startAt, timeZone: p.timeZone }, items }];
	});
}

function toPersonCorrespondenceView(
	row: Row<typeof listCorrespondenceOfPerson>,
	personId: number
): PersonCorrespondenceView {
	const signed = row.signatory_person_id === personId;
	const addressed = row.addressee_person_id === personId;
	return {
		...toCorrespondenceSummary(row),
		sender: organizationRef(row.sender_id, row.sender_name, row.sender_acronym),
		recipient: organizationRef(row.recipient_id, row.recipient_name, row.recipient_acronym),
		capacityLabel:
			signed && addressed
				? m.people_capacity_both()
				: signed
					? m.people_capacity_signatory()
					: m.people_capacity_addressee()
	};
}

export function toPersonPageView(
	person: PersonDetailRow,
	parts: {
		participations: Row<typeof listParticipationsOfPerson>[];
		agendaRoles: Row<typeof listAgendaRolesOfPerson>[];
		outcomes: Row<typeof listOutcomesOwnedByPerson>[];
		/** Counted up to limits.outcomeCount + 1. */
		outcomeCount: number;
		correspondence: Row<typeof listCorrespondenceOfPerson>[];
		positions: PositionRow[];
		merged: { name: string; merged_at: string }[];
	},
	limits: { participations: number; outcomes: number; outcomeCount: number; correspondence: number }
): PersonPageView {
	const participations = upTo(parts.participations, limits.participations);
	const correspondence = upTo(parts.correspondence, limits.correspondence);
	const participationViews = participations.items.map(toParticipationView);
	const email = person.public_email?.trim() || null;
	const phone = person.public_phone?.trim() || null;
	return {
		...toPersonSummary(person),
		sortName: formatSortName(person),
		honorific: person.honorific,
		givenName: person.given_name,
		familyName: person.family_name,
		organization: organizationRef(
			person.organization_id,
			person.organization_name,
			person.organization_acronym
		),
		notes: person.notes,
		positions: toPositionViews(parts.positions),
		alsoRecordedAs: parts.merged.map((merged) => ({ name: merged.name, mergedAt: merged.merged_at })),
		contact: email || phone ? { email, phone } : null,
		participations: participationViews,
		moreParticipations: participations.more,
		engagements: toEngagementViews(participationViews, parts.agendaRoles),
		outcomes: parts.outcomes.map(toOutcomeSummary),
		moreOutcomes: parts.outcomeCount > parts.outcomes.length,
		outcomeCount: Math.min(parts.outcomeCount, limits.outcomeCount),
		outcomeCountMore: parts.outcomeCount > limits.outcomeCount,
		outcomeCountLimit: limits.outcomeCount,
		outcomesHref: `/outcomes?person=${person.id}`,
		correspondence: correspondence.items.map((row) => toPersonCorrespondenceView(row, person.id)),
		moreCorrespondence: correspondence.more
	};
}
