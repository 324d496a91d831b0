/**
 * Reading the board's filters from its URL (anything unknown is dropped, never an error), and the office
 * days its due windows are judged by.
 */
import { eventKinds, outcomeStatuses } from '../../vocabulary';
import type { IsoDate } from '../db/schema';
import { oneOf, positiveId } from '../query-params';
import type { BoardDays, BoardFilter, DueWindow } from './action-board.repository';

export const DUE_WINDOWS: readonly DueWindow[] = ['overdue', 'week', 'month', 'none'];
const MEETINGS = [...eventKinds.values, 'none'] as const;

export interface BoardQuery extends BoardFilter {
	/** A name typed into the chooser, to find a person or organisation to filter by. */
	find: string;
}

export function parseBoardQuery(params: URLSearchParams): BoardQuery {
	return {
		status: oneOf(outcomeStatuses.values, params.get('status')),
		due: oneOf(DUE_WINDOWS, params.get('due')),
		meeting: oneOf(MEETINGS, params.get('meeting')),
		personId: positiveId(params.get('person')),
		organizationId: positiveId(params.get('organization')),
		officerId: positiveId(params.get('officer')),
		partnerId: positiveId(params.get('partner')),
		find: (params.get('find') ?? '').trim().slice(0, 200)
	};
}

const day = (date: IsoDate) => new Date(`${date}T00:00:00Z`);
const iso = (date: Date): IsoDate => date.toISOString().slice(0, 10);

/** Today at the office, the Sunday that ends its week (ISO weeks begin on Monday) and its month's last day. */
export function boardDays(today: IsoDate): BoardDays {
	const date = day(today);
	const weekday = (date.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
	const monthEnd = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0));
	return { today, weekEnd: addDays(today, 6 - weekday), monthEnd: iso(monthEnd) };
}

/** The calendar date `n` days after `date`. */
export function addDays(date: IsoDate, n: number): IsoDate {
	return iso(new Date(day(date).getTime() + n * 86_400_000));
}

/** Whole days from `dueOn` to `today`: how late an action point due on `dueOn` is. */
export function daysLate(dueOn: IsoDate, today: IsoDate): number {
	return Math.round((day(today).getTime() - day(dueOn).getTime()) / 86_400_000);
}
