/**
 * The officer's home page: what needs attention now, in the office's zone. A fixed number of queries
 * whatever the size of the data — one per panel, each bounded — and one fewer for a role that may not
 * see the outbox.
 */
import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import { formatDate, formatOffset } from '../../format/datetime';
import { hasRole } from '../auth/access';
import type { SessionUser } from '../auth/session';
import { listEventsOverlapping } from '../calendar/calendar.repository';
import { officeTimeZone } from '../calendar/calendar.settings';
import { dateInZone, weekFrom } from '../calendar/calendar.span';
import { toCalendarDaysView } from '../calendar/calendar.view';
import type { Database } from '../db/schema';
import {
	listEventsAwaitingAnswers,
	listFailedMessages,
	listOpenOutcomesOfOfficer,
	listUnansweredLetters
} from './home.repository';
import {
	toAwaitingAnswersItem,
	toFailedMessageItem,
	toHomeList,
	toMyActionPoint,
	toUnansweredLetterItem,
	type HomePage
} from './home.view';

/** Rows each list shows at most; the rest are a link away. */
export const HOME_LIST_LIMIT = 10;
/** Events the week shows at most. */
export const HOME_WEEK_LIMIT = 50;
/** How far ahead unanswered invitations are looked for, and how far back unanswered letters. */
export const INVITATION_DAYS_AHEAD = 14;
export const LETTER_DAYS_BACK = 30;

export async function getHomePage(
	db: Kysely<Database>,
	user: Pick<SessionUser, 'id' | 'role'>,
	{ now = new Date(), zone = officeTimeZone() }: { now?: Date; zone?: string } = {}
): Promise<HomePage> {
	const today = dateInZone(now.toISOString(), zone);
	const midnight = DateTime.fromISO(today, { zone });
	const week = weekFrom(today, zone);
	// To the end of the 14th day after today, at the office.
	const invitationsUntil = midnight
		.plus({ days: INVITATION_DAYS_AHEAD + 1 })
		.toUTC()
		.toISO()!;
	const lettersSince = midnight.minus({ days: LETTER_DAYS_BACK }).toISODate()!;
	const seesOutbox = hasRole(user, 'officer');

	const [weekRows, actionRows, awaitingRows, failedRows, letterRows] = await Promise.all([
		listEventsOverlapping(db, week, {}, HOME_WEEK_LIMIT),
		listOpenOutcomesOfOfficer(db, user.id, HOME_LIST_LIMIT),
		listEventsAwaitingAnswers(db, { from: now.toISOString(), until: invitationsUntil }, HOME_LIST_LIMIT),
		seesOutbox ? listFailedMessages(db, HOME_LIST_LIMIT) : null,
		listUnansweredLetters(db, lettersSince, HOME_LIST_LIMIT)
	]);
	const weekView = toCalendarDaysView(
		week,
		{ rows: weekRows, hosts: new Map() },
		{ today, limit: HOME_WEEK_LIMIT }
	);
	return {
		zone,
		today,
		todayLabel: formatDate(midnight.toUTC().toISO()!, zone),
		offset: formatOffset(`${today}T12:00:00Z`, zone),
		week: { days: weekView.days, count: weekView.count, truncated: weekView.truncated },
		actionPoints: toHomeList(actionRows, HOME_LIST_LIMIT, (row) => toMyActionPoint(row, today)),
		awaitingAnswers: toHomeList(awaitingRows, HOME_LIST_LIMIT, (row) => toAwaitingAnswersItem(row, zone)),
		failedMessages: failedRows && toHomeList(failedRows, HOME_LIST_LIMIT, toFailedMessageItem),
		unansweredLetters: toHomeList(letterRows, HOME_LIST_LIMIT, toUnansweredLetterItem),
		canWrite: seesOutbox
	};
}
