/** What the partner dossier page receives: a line per record of the timeline, the counts and the head. */
import {
	correspondenceDirections,
	correspondenceKinds,
	dossierKinds,
	dossierRoles,
	eventKinds,
	eventStatuses,
	outcomeKinds,
	outcomeStatuses,
	projectProgrammes,
	projectStates,
	timingCertainties,
	type DossierKind
} from '../../vocabulary';
import { formatApproximateDate, formatCalendarDate, formatDayOf, formatPeriod } from '../../format/datetime';
import { formatOrganizationName } from '../../format/names';
import { describeAgreementState } from '../agreements/agreement.view';
import { UNDATED } from './dossier.entries';
import type { IsoDate } from '../db/schema';
import { organizationRef, type OrganizationRef } from '../organizations/organization.ref';
import type { OrganizationPageView } from '../organizations/organization.view';
import { upTo, type Page } from '../pagination';
import type {
	DossierFilter,
	DossierTimelineRow,
	listAgreementsInForceOf,
	listOpenActionPointsOf,
	listRunningProjectsOf
} from './dossier.repository';

type Row<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>[number];

/** One line of the timeline. */
export interface DossierItem {
	kind: DossierKind;
	/** The kind in a word, for the line's badge. */
	kindLabel: string;
	id: number;
	href: string;
	title: string;
	/** When, as the record gives it: an event's date in its own zone, a letter's date. */
	dateText: string;
	/** The date is not known from the sources (an event whose date is assumed). */
	dateAssumed: boolean;
	/** What it is and where it stands: "Bilateral meeting · Held", "In force since 2 March 2017". */
	detail: string;
	/** How the organisation (or the one below it named in `via`) takes part: "Co-host", "Sender". */
	roleLabel: string;
	/** The organisation below through which it is in this dossier; null when it is linked directly. */
	via: OrganizationRef | null;
}

export interface DossierKindCount {
	kind: DossierKind;
	label: string;
	/** Counted up to the page's limit … */
	count: number;
	/** … and there are more than that ("1000+"). */
	more: boolean;
}

export interface OpenActionPoint {
	id: number;
	title: string;
	statusLabel: string;
	dueOn: IsoDate | null;
	/** Days past its due date today, when it is. */
	overdueDays: number | null;
	event: { id: number; title: string } | null;
}

export interface AgreementInForce {
	id: number;
	title: string;
	stateText: string;
}

export interface RunningProject {
	id: number;
	title: string;
	detail: string;
}

export interface DossierView {
	organization: OrganizationPageView;
	filter: { kind: DossierKind | null; year: number | null; ownOnly: boolean };
	kinds: DossierKindCount[];
	/** Records under the filters, every kind (the kinds' counts added up) … */
	total: number;
	/** … at least: some kind holds more than its count says. */
	totalMore: boolean;
	/** Years the dossier spans, latest first, for the year filter. */
	years: number[];
	timeline: Page<DossierItem>;
	openActionPoints: { items: OpenActionPoint[]; more: boolean };
	agreementsInForce: { items: AgreementInForce[]; more: boolean };
	runningProjects: { items: RunningProject[]; more: boolean };
}

/** What a line says of its record, beyond the kind and the organisation's part. */
type ItemText = Omit<DossierItem, 'kind' | 'kindLabel' | 'id' | 'roleLabel' | 'via'>;

const NO_DATE = 'No date recorded';

/** A record dated by a calendar day (stored as that day's midnight UTC), or one with no date at all. */
function dayOrUndated(occurredAt: string): string {
	return occurredAt === UNDATED.occurredAt ? NO_DATE : formatDayOf(occurredAt, 'UTC');
}

const join = (...parts: (string | null | undefined | false)[]) => parts.filter(Boolean).join(' · ');

function eventItem(row: DossierTimelineRow): ItemText {
	const assumed = row.event_timing === 'date_assumed';
	return {
		href: `/events/${row.record_id}`,
		title: row.event_title ?? '',
		dateText: formatDayOf(row.event_start_at!, row.event_time_zone!),
		dateAssumed: assumed,
		detail: join(
			row.event_kind && eventKinds.labels[row.event_kind],
			row.event_status && eventStatuses.labels[row.event_status],
			assumed && timingCertainties.labels.date_assumed
		)
	};
}

function letterItem(row: DossierTimelineRow): ItemText {
	const from = organizationRef(row.sender_id, row.sender_name, row.sender_acronym);
	const to = organizationRef(row.recipient_id, row.recipient_name, row.recipient_acronym);
	return {
		href: `/correspondence/${row.record_id}`,
		title: row.letter_subject ?? '',
		dateText: row.letter_dated_on ? formatCalendarDate(row.letter_dated_on) : '',
		dateAssumed: false,
		detail: join(
			row.letter_kind && correspondenceKinds.labels[row.letter_kind],
			row.letter_reference && `Ref. ${row.letter_reference}`,
			row.letter_direction && correspondenceDirections.labels[row.letter_direction],
			from && `from ${formatOrganizationName(from)}`,
			to && `to ${formatOrganizationName(to)}`
		)
	};
}

function outcomeItem(row: DossierTimelineRow): ItemText {
	return {
		href: `/outcomes/${row.record_id}`,
		title: row.outcome_title ?? '',
		// The day of the meeting it came from, in the meeting's zone; else the day it was recorded.
		dateText: formatDayOf(row.occurred_at, row.outcome_event_time_zone ?? 'UTC'),
		dateAssumed: false,
		detail: join(
			row.outcome_kind && outcomeKinds.labels[row.outcome_kind],
			row.outcome_status && outcomeStatuses.labels[row.outcome_status],
			row.outcome_due_on && `due ${formatCalendarDate(row.outcome_due_on)}`,
			row.outcome_event_title && `at ${row.outcome_event_title}`
		)
	};
}

function agreementItem(row: DossierTimelineRow): ItemText {
	const state = row.agreement_state ?? 'draft';
	return {
		href: `/agreements/${row.record_id}`,
		title: row.agreement_title ?? '',
		dateText: dayOrUndated(row.occurred_at),
		dateAssumed: false,
		detail: join(
			describeAgreementState(state, {
				signed_on: row.agreement_signed_on,
				signed_undated: row.agreement_signed_undated ?? 0,
				approved_on: row.agreement_approved_on,
				in_force_on: row.agreement_in_force_on,
				in_force_until: row.agreement_in_force_until,
				terminated_on: row.agreement_terminated_on
			}),
			row.agreement_signed_place && `signed in ${row.agreement_signed_place}`
		)
	};
}

function projectItem(row: DossierTimelineRow): ItemText {
	const start = row.project_start_on
		? { on: row.project_start_on, precision: row.project_start_precision ?? 'day' }
		: null;
	const end = row.project_end_on
		? { on: row.project_end_on, precision: row.project_end_precision ?? 'day' }
		: null;
	return {
		href: `/projects/${row.record_id}`,
		title: row.project_title ?? '',
		dateText: start ? formatApproximateDate(start.on, start.precision) : NO_DATE,
		dateAssumed: false,
		detail: join(
			row.project_state && projectStates.labels[row.project_state],
			row.project_programme && projectProgrammes.labels[row.project_programme],
			formatPeriod(start, end)
		)
	};
}

const ITEM_OF: Record<DossierKind, typeof eventItem> = {
	event: eventItem,
	correspondence: letterItem,
	outcome: outcomeItem,
	agreement: agreementItem,
	project: projectItem
};

const KIND_WORD: Record<DossierKind, string> = {
	event: 'Event',
	correspondence: 'Letter',
	outcome: 'Outcome',
	agreement: 'Agreement',
	project: 'Project'
};

export function toDossierItem(row: DossierTimelineRow): DossierItem {
	return {
		kind: row.record_type,
		kindLabel: KIND_WORD[row.record_type],
		id: row.record_id,
		roleLabel: dossierRoles.labels[row.role],
		via: row.direct ? null : organizationRef(row.via_id, row.via_name, row.via_acronym),
		...ITEM_OF[row.record_type](row)
	};
}

/**
 * Every kind, in the filter's order, with its count (zero when the dossier holds none), each counted up
 * to `limit` + 1: above `limit`, it shows as `limit` and more.
 */
export function toDossierKindCounts(
	rows: { record_type: DossierKind; n: number }[],
	limit: number
): DossierKindCount[] {
	const counted = new Map(rows.map((row) => [row.record_type, Number(row.n)]));
	return dossierKinds.values.map((kind) => {
		const n = counted.get(kind) ?? 0;
		return { kind, label: dossierKinds.labels[kind], count: Math.min(n, limit), more: n > limit };
	});
}

/** The years from the last record's back to the first's. */
export function toDossierYears(span: { first_at: string | null; last_at: string | null }): number[] {
	if (!span.first_at || !span.last_at) return [];
	const years: number[] = [];
	for (let year = Number(span.last_at.slice(0, 4)); year >= Number(span.first_at.slice(0, 4)); year--) {
		years.push(year);
	}
	return years;
}

function daysBetween(from: IsoDate, to: IsoDate): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function toOpenActionPoints(
	rows: Row<typeof listOpenActionPointsOf>[],
	limit: number,
	today: IsoDate
) {
	const { items, more } = upTo(rows, limit);
	return {
		more,
		items: items.map((row): OpenActionPoint => ({
			id: row.id,
			title: row.title,
			statusLabel: outcomeStatuses.labels[row.status],
			dueOn: row.due_on,
			overdueDays: row.due_on && row.due_on < today ? daysBetween(row.due_on, today) : null,
			event:
				row.event_id !== null && row.event_title !== null
					? { id: row.event_id, title: row.event_title }
					: null
		}))
	};
}

export function toAgreementsInForce(rows: Row<typeof listAgreementsInForceOf>[], limit: number) {
	const { items, more } = upTo(rows, limit);
	return {
		more,
		items: items.map((row): AgreementInForce => ({
			id: row.id,
			title: row.title,
			stateText: row.in_force_on ? `In force since ${formatCalendarDate(row.in_force_on)}` : 'In force'
		}))
	};
}

export function toRunningProjects(rows: Row<typeof listRunningProjectsOf>[], limit: number) {
	const { items, more } = upTo(rows, limit);
	return {
		more,
		items: items.map((row): RunningProject => ({
			id: row.id,
			title: row.title,
			detail: join(
				row.programme && projectProgrammes.labels[row.programme],
				formatPeriod(
					row.start_on ? { on: row.start_on, precision: row.start_precision ?? 'day' } : null,
					null
				)
			)
		}))
	};
}

export function toDossierFilterView(filter: DossierFilter): DossierView['filter'] {
	return { kind: filter.kind ?? null, year: filter.year ?? null, ownOnly: Boolean(filter.ownOnly) };
}
