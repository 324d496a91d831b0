/** What outcome pages (and the event and organisation pages) receive: chosen fields, labels resolved. */
import { sortByText } from '../../format/collation';
import { formatPersonName } from '../../format/names';
import { outcomeKinds, outcomeStatuses, type OutcomeKind, type OutcomeStatus } from '../../vocabulary';
import { eventRef, type EventRef } from '../events/event.ref';
import { organizationRef, type OrganizationRef } from '../organizations/organization.ref';
import type {
	listFollowUpsForOutcomes,
	listOutcomeStatusChanges,
	listPartiesForOutcomes,
	OutcomeRow
} from './outcome.repository';

type Rows<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>;

export interface OutcomeFollowUpView {
	eventId: number;
	title: string;
	startAt: string;
	timeZone: string;
	/** What was said on it there, written after that meeting. */
	note: string | null;
	/** When it was carried there; null for follow-ups recorded before this was kept. */
	carriedAt: string | null;
	/** What a change of the note names to be refused if someone saved in between. */
	version: number;
}

/** An outcome in brief, as the lists on a person's or an organisation's page show it. */
export interface OutcomeSummary {
	id: number;
	kind: OutcomeKind;
	kindLabel: string;
	title: string;
	status: OutcomeStatus;
	statusLabel: string;
	/** Calendar date, YYYY-MM-DD. */
	dueOn: string | null;
	/** The event it came from; null when it was recorded without one. */
	event: EventRef | null;
}

/** The columns an outcome summary is made from, with the event left-joined (`eventRefColumns`). */
export interface OutcomeSummaryRow {
	id: number;
	kind: OutcomeKind;
	title: string;
	status: OutcomeStatus;
	due_on: string | null;
	event_id: number | null;
	event_title: string | null;
	event_start_at: string | null;
	event_time_zone: string | null;
}

export interface OutcomeView extends OutcomeSummary {
	text: string | null;
	ownerPerson: { id: number; name: string } | null;
	ownerOrganization: OrganizationRef | null;
	parties: OrganizationRef[];
	/** The officer at the office who follows it up. */
	responsibleUser: { id: number; name: string } | null;
	/** Later events that took it further, in the order they took place. */
	followUps: OutcomeFollowUpView[];
	/** What a change names to be refused if someone saved in between. */
	version: number;
}

function groupBy<T, V>(rows: T[], keyOf: (row: T) => number, valueOf: (row: T) => V): Map<number, V[]> {
	const groups = new Map<number, V[]>();
	for (const row of rows) {
		const group = groups.get(keyOf(row)) ?? [];
		group.push(valueOf(row));
		groups.set(keyOf(row), group);
	}
	return groups;
}

export function toOutcomeSummary(row: OutcomeSummaryRow): OutcomeSummary {
	return {
		id: row.id,
		kind: row.kind,
		kindLabel: outcomeKinds.labels[row.kind],
		title: row.title,
		status: row.status,
		statusLabel: outcomeStatuses.labels[row.status],
		dueOn: row.due_on,
		event: eventRef(row.event_id, row.event_title, row.event_start_at, row.event_time_zone)
	};
}

/** Who answers for an outcome and which officer follows it up, from its row (outcomesWithOwners). */
export function ownersOf(
	row: OutcomeRow
): Pick<OutcomeView, 'ownerPerson' | 'ownerOrganization' | 'responsibleUser'> {
	return {
		ownerPerson:
			row.owner_person_id !== null && row.owner_given_name !== null && row.owner_family_name !== null
				? {
						id: row.owner_person_id,
						name: formatPersonName({
							honorific: row.owner_honorific,
							given_name: row.owner_given_name,
							family_name: row.owner_family_name
						})
					}
				: null,
		ownerOrganization: organizationRef(
			row.owner_organization_id,
			row.owner_organization_name,
			row.owner_organization_acronym
		),
		responsibleUser:
			row.responsible_user_id !== null && row.responsible_user_name !== null
				? { id: row.responsible_user_id, name: row.responsible_user_name }
				: null
	};
}

function toOutcomeView(
	row: OutcomeRow,
	parties: OrganizationRef[],
	followUps: OutcomeFollowUpView[]
): OutcomeView {
	return {
		...toOutcomeSummary(row),
		...ownersOf(row),
		text: row.text,
		parties,
		followUps,
		version: row.version
	};
}

/** Outcome rows with their parties and follow-ups, each fetched once for all of the rows. */
export function toOutcomeViews(
	rows: OutcomeRow[],
	parties: Rows<typeof listPartiesForOutcomes>,
	followUps: Rows<typeof listFollowUpsForOutcomes>
): OutcomeView[] {
	const partiesOf = groupBy(
		sortByText(parties, (p) => p.name),
		(p) => p.outcome_id,
		(p) => ({ id: p.id, name: p.name, acronym: p.acronym })
	);
	const followUpsOf = groupBy(
		followUps,
		(f) => f.outcome_id,
		(f) => ({
			eventId: f.event_id,
			title: f.title,
			startAt: f.start_at,
			timeZone: f.time_zone,
			note: f.note,
			carriedAt: f.carried_at,
			version: f.version
		})
	);
	return rows.map((row) => toOutcomeView(row, partiesOf.get(row.id) ?? [], followUpsOf.get(row.id) ?? []));
}

/** One change of the follow-up status, as the outcome's history shows it. */
export interface StatusChangeView {
	id: number;
	fromLabel: string;
	toLabel: string;
	toStatus: OutcomeStatus;
	note: string;
	/** The officer's name; null when the account is gone or the change was made by a script. */
	changedBy: string | null;
	changedAt: string;
}

export function toStatusChangeViews(rows: Rows<typeof listOutcomeStatusChanges>): StatusChangeView[] {
	return rows.map((row) => ({
		id: row.id,
		fromLabel: outcomeStatuses.labels[row.from_status],
		toLabel: outcomeStatuses.labels[row.to_status],
		toStatus: row.to_status,
		note: row.note,
		changedBy: row.changed_by,
		changedAt: row.changed_at
	}));
}
