/** An officer's action point as the home page and the daily digest list it. */
import { outcomeStatuses, type OutcomeStatus } from '../../vocabulary';
import { daysLate } from '../actions/action-board.input';
import type { IsoDate } from '../db/schema';
import type { DueActionPointRow } from './reminder.repository';

export interface MyActionPoint {
	id: number;
	title: string;
	status: OutcomeStatus;
	statusLabel: string;
	dueOn: IsoDate;
	/** Days past its due date; null when it is due today or later. */
	overdueDays: number | null;
	/** The meeting it came from; null when recorded without one. */
	event: { id: number; title: string } | null;
}

export function toMyActionPoint(row: DueActionPointRow, today: IsoDate): MyActionPoint {
	const late = daysLate(row.due_on!, today);
	return {
		id: row.id,
		title: row.title,
		status: row.status,
		statusLabel: outcomeStatuses.labels[row.status],
		dueOn: row.due_on!,
		overdueDays: late > 0 ? late : null,
		event:
			row.event_id !== null && row.event_title !== null ? { id: row.event_id, title: row.event_title } : null
	};
}
