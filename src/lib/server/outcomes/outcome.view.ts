/** What outcome pages (and the event and organisation pages) receive: chosen fields, labels resolved. */
import { formatPersonName } from '../../format/names';
import { outcomeKinds, outcomeStatuses, type OutcomeKind, type OutcomeStatus } from '../../vocabulary';
import type { listFollowUpsForOutcomes, listPartiesForOutcomes, OutcomeRow } from './outcome.repository';

type Rows<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>;

export interface OutcomeOrganizationRef {
	id: number;
	name: string;
	acronym: string | null;
}

export interface OutcomeEventRef {
	id: number;
	title: string;
	startAt: string;
	timeZone: string;
}

export interface OutcomeFollowUpView {
	eventId: number;
	title: string;
	startAt: string;
	timeZone: string;
	note: string | null;
}

export interface OutcomeView {
	id: number;
	kind: OutcomeKind;
	kindLabel: string;
	title: string;
	text: string | null;
	status: OutcomeStatus;
	statusLabel: string;
	/** Calendar dates, YYYY-MM-DD. */
	dueOn: string | null;
	signedOn: string | null;
	signedPlace: string | null;
	approvedOn: string | null;
	inForceOn: string | null;
	/** The event it came from; null when it was recorded without one. */
	event: OutcomeEventRef | null;
	ownerPerson: { id: number; name: string } | null;
	ownerOrganization: OutcomeOrganizationRef | null;
	parties: OutcomeOrganizationRef[];
	/** Later events that took it further, in the order they took place. */
	followUps: OutcomeFollowUpView[];
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

function toOutcomeView(
	row: OutcomeRow,
	parties: OutcomeOrganizationRef[],
	followUps: OutcomeFollowUpView[]
): OutcomeView {
	return {
		id: row.id,
		kind: row.kind,
		kindLabel: outcomeKinds.labels[row.kind],
		title: row.title,
		text: row.text,
		status: row.status,
		statusLabel: outcomeStatuses.labels[row.status],
		dueOn: row.due_on,
		signedOn: row.signed_on,
		signedPlace: row.signed_place,
		approvedOn: row.approved_on,
		inForceOn: row.in_force_on,
		event:
			row.event_id !== null &&
			row.event_title !== null &&
			row.event_start_at !== null &&
			row.event_time_zone !== null
				? {
						id: row.event_id,
						title: row.event_title,
						startAt: row.event_start_at,
						timeZone: row.event_time_zone
					}
				: null,
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
		ownerOrganization:
			row.owner_organization_id !== null && row.owner_organization_name !== null
				? {
						id: row.owner_organization_id,
						name: row.owner_organization_name,
						acronym: row.owner_organization_acronym
					}
				: null,
		parties,
		followUps
	};
}

/** Outcome rows with their parties and follow-ups, each fetched once for all of the rows. */
export function toOutcomeViews(
	rows: OutcomeRow[],
	parties: Rows<typeof listPartiesForOutcomes>,
	followUps: Rows<typeof listFollowUpsForOutcomes>
): OutcomeView[] {
	const partiesOf = groupBy(
		parties,
		(p) => p.outcome_id,
		(p) => ({ id: p.id, name: p.name, acronym: p.acronym })
	);
	const followUpsOf = groupBy(
		followUps,
		(f) => f.outcome_id,
		(f) => ({ eventId: f.event_id, title: f.title, startAt: f.start_at, timeZone: f.time_zone, note: f.note })
	);
	return rows.map((row) => toOutcomeView(row, partiesOf.get(row.id) ?? [], followUpsOf.get(row.id) ?? []));
}
