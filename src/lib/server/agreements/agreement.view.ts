/** What agreement pages (and the event, organisation and project pages) receive: chosen fields, labels resolved. */
import { m } from '../../paraglide/messages.js';
import { formatCalendarDate } from '../../format/datetime';
import { agreementStates, type AgreementState } from '../../vocabulary';
import type { CorrespondenceListItem } from '../correspondence/correspondence.view';
import { eventRef, type EventRef } from '../events/event.ref';
import type { OrganizationRef } from '../organizations/organization.ref';
import type { ProjectRef } from '../projects/project.ref';
import type { AgreementRow, AgreementSummaryRow } from './agreement.repository';

/** An agreement in brief, as every list of agreements shows it. */
export interface AgreementSummary {
	id: number;
	title: string;
	/** Derived from its dates on the day it is read: never set by hand. */
	state: AgreementState;
	stateLabel: string;
	/** The state with the date it took: "In force since 2 March 2017". */
	stateText: string;
	/** Calendar dates, YYYY-MM-DD. */
	signedOn: string | null;
	signedPlace: string | null;
	parties: OrganizationRef[];
}

export interface AgreementView extends AgreementSummary {
	summary: string | null;
	/** The event where it was signed, when it is one of ours. */
	signedEvent: EventRef | null;
	approvedOn: string | null;
	approvalAct: string | null;
	inForceOn: string | null;
	inForceUntil: string | null;
	terminatedOn: string | null;
	/** Notes and letters about it, oldest first. */
	letters: CorrespondenceListItem[];
	/** Projects run under it. */
	projects: ProjectRef[];
	/** What a change names to be refused if someone saved in between. */
	version: number;
}

type Dates = Pick<
	AgreementSummaryRow,
	'signed_on' | 'signed_undated' | 'approved_on' | 'in_force_on' | 'in_force_until' | 'terminated_on'
>;

/** The state in words, with the date that brought it about. */
export function describeAgreementState(state: AgreementState, dates: Dates): string {
	const on = (date: string | null) => (date ? formatCalendarDate(date) : '');
	switch (state) {
		case 'terminated':
			return m.agreements_state_terminated({ date: on(dates.terminated_on) });
		case 'expired':
			return m.agreements_state_expired({ date: on(dates.in_force_until) });
		case 'in_force':
			return m.agreements_state_in_force({ date: on(dates.in_force_on) });
		case 'approved':
			return m.agreements_state_approved({ date: on(dates.approved_on) });
		case 'signed':
			return dates.signed_on
				? m.agreements_state_signed({ date: on(dates.signed_on) })
				: m.agreements_state_signed_undated();
		case 'draft':
			return m.agreements_state_draft();
	}
}

export function toAgreementSummary(
	row: Dates & { id: number; title: string; state: AgreementState; signed_place: string | null },
	parties: OrganizationRef[]
): AgreementSummary {
	return {
		id: row.id,
		title: row.title,
		state: row.state,
		stateLabel: agreementStates.labels[row.state],
		stateText: describeAgreementState(row.state, row),
		signedOn: row.signed_on,
		signedPlace: row.signed_place,
		parties
	};
}

export function toAgreementView(
	row: AgreementRow,
	parts: { parties: OrganizationRef[]; letters: CorrespondenceListItem[]; projects: ProjectRef[] }
): AgreementView {
	return {
		...toAgreementSummary(row, parts.parties),
		summary: row.summary,
		signedEvent: eventRef(row.event_id, row.event_title, row.event_start_at, row.event_time_zone),
		approvedOn: row.approved_on,
		approvalAct: row.approval_act,
		inForceOn: row.in_force_on,
		inForceUntil: row.in_force_until,
		terminatedOn: row.terminated_on,
		letters: parts.letters,
		projects: parts.projects,
		version: row.version
	};
}
