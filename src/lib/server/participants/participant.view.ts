/** What the participants pages receive: chosen fields in the words pages use, never raw rows. */
import { formatDays, formatOffset, formatRange } from '../../format/datetime';
import { formatPersonName } from '../../format/names';
import { participantRoles, rsvpStatuses, type ParticipantRole, type RsvpStatus } from '../../vocabulary';
import type { ClashView } from '../clashes/clash.service';
import { toPersonAtEvent, type EventSummary, type PersonAtEvent } from '../events/event.view';
import { organizationRef, type OrganizationRef } from '../organizations/organization.ref';
import type { Page } from '../pagination';
import type { PersonListItem } from '../people/person.view';
import type { ImportPlan } from './participant.import';
import type {
	listDelegationSummaries,
	ParticipantPageRow,
	ParticipantPrintRow
} from './participant.repository';

export interface ParticipantListItem extends PersonAtEvent {
	id: number;
	role: ParticipantRole;
	roleLabel: string;
	delegationId: number | null;
	rsvpStatus: RsvpStatus;
	rsvpLabel: string;
	invitedAt: string | null;
	respondedAt: string | null;
	/** An officer placed this participant explicitly (Up/Down); otherwise the computed order holds. */
	placed: boolean;
	headsOrganization: boolean;
	precedenceLevel: number | null;
	/** Agenda items this participant chairs, speaks at …: they go when the participant is removed. */
	agendaRoleCount: number;
}

export interface DelegationSummary {
	id: number;
	name: string;
	organization: OrganizationRef | null;
	head: { participantId: number; name: string } | null;
	memberCount: number;
}

export interface RsvpCount {
	status: RsvpStatus;
	label: string;
	count: number;
}

/** A clash with both times, each in its own zone. */
export interface ClashWarning {
	eventId: number;
	title: string;
	/** "Saturday 28 March 2026, 13:00–14:00 (Asia/Baku, UTC+04:00)". */
	when: string;
	people: string[];
}

export interface ParticipantsPageView {
	event: EventSummary & { when: string };
	counts: RsvpCount[];
	total: number;
	participants: Page<ParticipantListItem>;
	unanswered: ParticipantListItem[];
	moreUnanswered: boolean;
	delegations: DelegationSummary[];
	/** People found by the search box, with whether each is at the event already. */
	found: (PersonListItem & { invited: boolean })[];
	search: string;
	anyPlaced: boolean;
}

export interface ImportPreviewView extends Omit<ImportPlan, 'rows'> {
	rows: Omit<ImportPlan['rows'][number], 'person'>[];
}

/** "Friday 17 December 2021, 10:00–12:30 (Asia/Baku, UTC+04:00)", or "5–8 December 2016 (all day, Europe/Zurich)" */
export function describeSpan(startAt: string, endAt: string, timeZone: string, allDay = false): string {
	return allDay
		? `${formatDays(startAt, endAt, timeZone)} (all day, ${timeZone})`
		: `${formatRange(startAt, endAt, timeZone)} (${timeZone}, ${formatOffset(startAt, timeZone)})`;
}

export function toClashWarnings(clashes: ClashView[]): ClashWarning[] {
	return clashes.map((c) => ({
		eventId: c.event.id,
		title: c.event.title,
		when: describeSpan(c.event.startAt, c.event.endAt, c.event.timeZone, c.event.allDay),
		people: c.people.map((p) => p.name)
	}));
}

export function toParticipantListItem(row: ParticipantPageRow | ParticipantPrintRow): ParticipantListItem {
	return {
		...toPersonAtEvent(row),
		id: row.id,
		role: row.role,
		roleLabel: participantRoles.labels[row.role],
		delegationId: row.delegation_id,
		rsvpStatus: row.rsvp_status,
		rsvpLabel: rsvpStatuses.labels[row.rsvp_status],
		invitedAt: row.invited_at,
		respondedAt: row.responded_at,
		placed: row.precedence !== null,
		headsOrganization: row.heads_organization === 1,
		precedenceLevel: row.precedence_level,
		agendaRoleCount: 'agenda_role_count' in row ? Number(row.agenda_role_count ?? 0) : 0
	};
}

export function toDelegationSummaries(
	rows: Awaited<ReturnType<typeof listDelegationSummaries>>
): DelegationSummary[] {
	// A side with two heads (made so by hand) comes back twice: the first head named is shown.
	const seen = new Set<number>();
	const firstRows = rows.filter((row) => !seen.has(row.id) && Boolean(seen.add(row.id)));
	return firstRows.map((row) => ({
		id: row.id,
		name: row.name,
		organization: organizationRef(row.organization_id, row.organization_name, row.organization_acronym),
		head:
			row.head_id !== null && row.head_given_name !== null && row.head_family_name !== null
				? {
						participantId: row.head_id,
						name: formatPersonName({
							honorific: row.head_honorific,
							given_name: row.head_given_name,
							family_name: row.head_family_name
						})
					}
				: null,
		memberCount: Number(row.member_count ?? 0)
	}));
}

export function toRsvpCounts(rows: { rsvp_status: RsvpStatus; n: number | string }[]): {
	counts: RsvpCount[];
	total: number;
} {
	const byStatus = new Map(rows.map((row) => [row.rsvp_status, Number(row.n)]));
	const counts = rsvpStatuses.values.map((status) => ({
		status,
		label: rsvpStatuses.labels[status],
		count: byStatus.get(status) ?? 0
	}));
	return { counts, total: counts.reduce((sum, c) => sum + c.count, 0) };
}

export function toImportPreview(plan: ImportPlan): ImportPreviewView {
	// The planned person records stay on the server: the preview shows what the file said.
	return { ...plan, rows: plan.rows.map(({ person: _person, ...row }) => row) };
}

/** One side on the printed list: its head first, then its members in order of precedence. */
export interface PrintedDelegation {
	name: string;
	organization: OrganizationRef | null;
	members: PrintedParticipant[];
}

export interface PrintedParticipant extends ParticipantListItem {
	honorific: string | null;
	givenName: string;
	familyName: string;
}

export interface ParticipantPrintView {
	event: EventSummary & { when: string; venue: string | null };
	delegations: PrintedDelegation[];
	/** Everyone, in order of precedence, for the badges. */
	people: PrintedParticipant[];
	/** The event has more participants than one printout shows. */
	truncated: boolean;
}

export function toPrintedParticipant(row: ParticipantPrintRow): PrintedParticipant {
	return {
		...toParticipantListItem(row),
		honorific: row.honorific,
		givenName: row.given_name,
		familyName: row.family_name
	};
}

/**
 * Participants grouped by side in the order of the sides, each side's head first and the rest in order
 * of precedence; those on no side come last.
 */
export function toPrintedDelegations(
	delegations: DelegationSummary[],
	people: PrintedParticipant[]
): PrintedDelegation[] {
	const groups = delegations.map((d) => {
		const members = people.filter((p) => p.delegationId === d.id);
		const heads = members.filter((p) => p.role === 'head_of_delegation');
		return {
			name: d.name,
			organization: d.organization,
			members: [...heads, ...members.filter((p) => p.role !== 'head_of_delegation')]
		};
	});
	const known = new Set(delegations.map((d) => d.id));
	const others = people.filter((p) => p.delegationId === null || !known.has(p.delegationId));
	if (others.length > 0) {
		groups.push({
			name: delegations.length > 0 ? 'Other participants' : 'Participants',
			organization: null,
			members: others
		});
	}
	return groups.filter((g) => g.members.length > 0 || delegations.length > 0);
}
