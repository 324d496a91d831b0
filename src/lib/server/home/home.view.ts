/** What the home page receives: each panel's rows in the office's zone, labels resolved. */
import { DateTime } from 'luxon';
import { formatCalendarDate, formatShortDate, formatTime } from '../../format/datetime';
import { formatOrganizationName } from '../../format/names';
import { eventStatuses, type EventStatus } from '../../vocabulary';
import type { CalendarDay } from '../calendar/calendar.view';
import { toCorrespondenceSummary, type CorrespondenceSummary } from '../correspondence/correspondence.view';
import { toOutcomeSummary, type OutcomeSummary } from '../outcomes/outcome.view';
import type {
	listEventsAwaitingAnswers,
	listFailedMessages,
	listOpenOutcomesOfOfficer,
	listUnansweredLetters
} from './home.repository';

type Rows<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>;

/** A panel's rows, and whether there were more than it shows. */
export interface HomeList<T> {
	items: T[];
	more: boolean;
}

export interface MyActionPoint extends OutcomeSummary {
	/** Days past its due date, at the office today; 0 when not overdue or without a date. */
	daysOverdue: number;
	/** Its due date written out ("2 September 2021"). */
	due: string | null;
}

export interface AwaitingAnswersItem {
	id: number;
	title: string;
	status: EventStatus;
	statusLabel: string;
	startAt: string;
	timeZone: string;
	/** Its start in the office's zone, "17 Dec 2021, 10:00". */
	when: string;
	/** Participants who have not answered, and all of them. */
	unanswered: number;
	participants: number;
}

export interface FailedMessageItem {
	id: number;
	toName: string;
	subject: string;
	lastError: string | null;
	/** When it was last tried. */
	failedAt: string;
	event: { id: number; title: string } | null;
}

export interface UnansweredLetterItem extends CorrespondenceSummary {
	/** Its date written out ("2 September 2021"). */
	dated: string;
	sender: string | null;
	replyExpected: boolean;
}

export interface HomePage {
	/** The office's zone, and today's date there (YYYY-MM-DD). */
	zone: string;
	today: string;
	/** "Saturday 5 December 2026" */
	todayLabel: string;
	/** The zone's offset today at noon ("UTC+4"). */
	offset: string;
	/** Today and the six days after it, each with its events in the office's zone. */
	week: { days: CalendarDay[]; count: number; truncated: boolean };
	actionPoints: HomeList<MyActionPoint>;
	awaitingAnswers: HomeList<AwaitingAnswersItem>;
	/** Null for a role that may not see the outbox. */
	failedMessages: HomeList<FailedMessageItem> | null;
	unansweredLetters: HomeList<UnansweredLetterItem>;
	/** Whether the signed-in user may plan and write (officers and administrators). */
	canWrite: boolean;
}

/** The first `limit` rows, and whether the query found one more. */
export function toHomeList<R, T>(rows: R[], limit: number, toItem: (row: R) => T): HomeList<T> {
	return { items: rows.slice(0, limit).map(toItem), more: rows.length > limit };
}

function daysBetween(from: string, to: string): number {
	return Math.round(
		DateTime.fromISO(to, { zone: 'utc' }).diff(DateTime.fromISO(from, { zone: 'utc' }), 'days').days
	);
}

export function toMyActionPoint(
	row: Rows<typeof listOpenOutcomesOfOfficer>[number],
	today: string
): MyActionPoint {
	const overdue = row.due_on !== null && row.due_on < today;
	return {
		...toOutcomeSummary(row),
		daysOverdue: overdue ? daysBetween(row.due_on!, today) : 0,
		due: row.due_on && formatCalendarDate(row.due_on)
	};
}

export function toAwaitingAnswersItem(
	row: Rows<typeof listEventsAwaitingAnswers>[number],
	zone: string
): AwaitingAnswersItem {
	return {
		id: row.id,
		title: row.title,
		status: row.status,
		statusLabel: eventStatuses.labels[row.status],
		startAt: row.start_at,
		timeZone: row.time_zone,
		when: `${formatShortDate(row.start_at, zone)}, ${formatTime(row.start_at, zone)}`,
		unanswered: Number(row.unanswered),
		participants: Number(row.participants)
	};
}

export function toFailedMessageItem(row: Rows<typeof listFailedMessages>[number]): FailedMessageItem {
	return {
		id: row.id,
		toName: row.to_name,
		subject: row.subject,
		lastError: row.last_error,
		failedAt: row.next_attempt_at,
		event:
			row.event_id !== null && row.event_title !== null ? { id: row.event_id, title: row.event_title } : null
	};
}

export function toUnansweredLetterItem(
	row: Rows<typeof listUnansweredLetters>[number]
): UnansweredLetterItem {
	const summary = toCorrespondenceSummary(row);
	return {
		...summary,
		dated: formatCalendarDate(summary.datedOn),
		sender:
			row.sender_id !== null && row.sender_name !== null
				? formatOrganizationName({ name: row.sender_name, acronym: row.sender_acronym })
				: null,
		replyExpected: row.reply_expected === 1
	};
}
