/** What the board and its CSV receive: action points with how late each is, and the counts per choice. */
import { m } from '../../paraglide/messages.js';
import { eventKinds, outcomeStatuses, type OutcomeStatus } from '../../vocabulary';
import type { IsoDate } from '../db/schema';
import type { EventRef } from '../events/event.ref';
import type { OrganizationRef } from '../organizations/organization.ref';
import { ownersOf, toOutcomeSummary, type OutcomeView } from '../outcomes/outcome.view';
import type { Page } from '../pagination';
import type { SearchGroup } from '../search/search.view';
import { daysLate } from './action-board.input';
import type { BoardRow } from './action-board.repository';

export interface BoardItem extends Pick<
	OutcomeView,
	'ownerPerson' | 'ownerOrganization' | 'responsibleUser' | 'version'
> {
	id: number;
	title: string;
	status: OutcomeStatus;
	statusLabel: string;
	dueOn: IsoDate | null;
	/** Days past its due date when it is overdue (due before today, neither done nor dropped); else null. */
	overdueDays: number | null;
	/** The meeting it came from, with its kind; null when recorded without one. */
	event: (EventRef & { kindLabel: string }) | null;
}

/** One choice of a filter with how many action points it would show, the other filters kept. */
export interface BoardChoice {
	value: string;
	label: string;
	count: number;
	/**
	 * The count was taken over the first COUNT_LIMIT action points only (more match the other filters):
	 * the choice shows at least this many.
	 */
	more: boolean;
}

export interface ActionBoardView {
	today: IsoDate;
	items: Page<BoardItem>;
	/** How many action points the filters select, on every page, up to COUNT_LIMIT … */
	total: number;
	/** … and whether there are more than that. */
	totalMore: boolean;
	/** The most any count beside the filters reads (COUNT_LIMIT). */
	countLimit: number;
	facets: { status: BoardChoice[]; due: BoardChoice[]; meeting: BoardChoice[]; officer: BoardChoice[] };
	/** Who or what the board is narrowed to through the chooser, named. */
	chosen: {
		person: { id: number; name: string } | null;
		organization: OrganizationRef | null;
		partner: OrganizationRef | null;
	};
	/** People and organisations found by the chooser's name; null when nothing was typed. */
	found: SearchGroup[] | null;
}

export function toBoardItem(row: BoardRow, today: IsoDate): BoardItem {
	const summary = toOutcomeSummary(row);
	const late = row.due_on !== null ? daysLate(row.due_on, today) : 0;
	const open = row.status === 'open' || row.status === 'in_progress';
	return {
		id: row.id,
		title: row.title,
		status: row.status,
		statusLabel: summary.statusLabel,
		dueOn: row.due_on,
		overdueDays: open && late > 0 ? late : null,
		event:
			summary.event && row.event_kind
				? { ...summary.event, kindLabel: eventKinds.labels[row.event_kind] }
				: null,
		...ownersOf(row),
		version: row.version
	};
}

const countsOf = <K>(rows: { n: number | string }[], keyOf: (i: number) => K) =>
	new Map(rows.map((row, i) => [keyOf(i), Number(row.n)]));

/**
 * A facet's choices from its counts over at most `limit` + 1 action points: when that many were read,
 * there are more than `limit`, and every count is only a lower bound — the read stopped at `limit`, and
 * the "any" choice says "more than `limit`".
 */
function choicesOf(
	seen: number,
	limit: number,
	choices: { value: string; label: string; count: number }[]
): BoardChoice[] {
	const more = seen > limit;
	return choices.map((choice) => ({ ...choice, count: Math.min(choice.count, limit), more }));
}

export function toStatusChoices(
	rows: { status: OutcomeStatus; n: number | string }[],
	limit: number
): BoardChoice[] {
	const n = countsOf(rows, (i) => rows[i]!.status);
	const seen = rows.reduce((sum, row) => sum + Number(row.n), 0);
	return choicesOf(seen, limit, [
		{ value: '', label: m.actions_choice_open(), count: (n.get('open') ?? 0) + (n.get('in_progress') ?? 0) },
		...outcomeStatuses.values.map((s) => ({
			value: s,
			label: outcomeStatuses.labels[s],
			count: n.get(s) ?? 0
		}))
	]);
}

export function toDueChoices(
	row: Record<'any' | 'overdue' | 'week' | 'month' | 'none', unknown>,
	limit: number
): BoardChoice[] {
	const n = (key: keyof typeof row) => Number(row[key] ?? 0);
	return choicesOf(n('any'), limit, [
		{ value: '', label: m.actions_choice_any_due(), count: n('any') },
		{ value: 'overdue', label: m.actions_choice_overdue(), count: n('overdue') },
		{ value: 'week', label: m.actions_choice_week(), count: n('week') },
		{ value: 'month', label: m.actions_choice_month(), count: n('month') },
		{ value: 'none', label: m.actions_choice_no_due(), count: n('none') }
	]);
}

export function toMeetingChoices(
	rows: { kind: string | null; n: number | string }[],
	limit: number
): BoardChoice[] {
	const n = countsOf(rows, (i) => rows[i]!.kind ?? 'none');
	const total = rows.reduce((sum, row) => sum + Number(row.n), 0);
	return choicesOf(total, limit, [
		{ value: '', label: m.actions_choice_any_meeting(), count: total },
		...eventKinds.values.map((k) => ({ value: k, label: eventKinds.labels[k], count: n.get(k) ?? 0 })),
		{ value: 'none', label: m.actions_choice_no_meeting(), count: n.get('none') ?? 0 }
	]);
}

export function toOfficerChoices(
	officers: { id: number; name: string }[],
	rows: { responsible_user_id: number | null; n: number | string }[],
	limit: number
): BoardChoice[] {
	const n = countsOf(rows, (i) => rows[i]!.responsible_user_id);
	const total = rows.reduce((sum, row) => sum + Number(row.n), 0);
	return choicesOf(total, limit, [
		{ value: '', label: m.actions_choice_any_officer(), count: total },
		...officers.map((o) => ({ value: String(o.id), label: o.name, count: n.get(o.id) ?? 0 }))
	]);
}
