/**
 * Queries of the action-point board: open action points across all events, filtered by owner, officer,
 * partner (its dossier, sub-organisations included), due window, status and the kind of meeting, in the
 * board's order (soonest due first, undated last, then id) along outcome_board_idx; and the counts beside
 * each filter's choices, one grouped query per filter over a bounded window (COUNT_LIMIT). Kysely only.
 */
import { sql, type ExpressionBuilder, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { EventKind, OutcomeStatus } from '../../vocabulary';
import { pageByKeyset } from '../db/keyset';
import type { Database, IsoDate } from '../db/schema';
import { outcomesWithOwners } from '../outcomes/outcome.repository';
import type { PageRequest } from '../pagination';

export type DueWindow = 'overdue' | 'week' | 'month' | 'none';

export interface BoardFilter {
	/** One status; none: the open ones (open and in progress). */
	status?: OutcomeStatus;
	due?: DueWindow;
	/** The kind of event it came from; 'none': recorded without an event. */
	meeting?: EventKind | 'none';
	/** Owned by this person. */
	personId?: number;
	/** Owned by this organisation. */
	organizationId?: number;
	/** Followed up by this officer (a user account). */
	officerId?: number;
	/** In this organisation's dossier: it or one below it owns it, is a party to it, or hosted its meeting. */
	partnerId?: number;
}

/** The office's days the due windows are judged by: today, the week's last day (Sunday) and the month's. */
export interface BoardDays {
	today: IsoDate;
	weekEnd: IsoDate;
	monthEnd: IsoDate;
}

/**
 * The board's sort key, spelled as the index outcome_board_idx spells it: the due date, undated action
 * points after every real date.
 */
export const dueKey = sql<IsoDate>`coalesce(outcome.due_on, '9999-12-31')`;

const OPEN: OutcomeStatus[] = ['open', 'in_progress'];

type Eb = ExpressionBuilder<Database, 'outcome' | 'event'>;
type Facet = 'status' | 'due' | 'meeting' | 'officer';

/** Due before today and neither done nor dropped. */
const overdue = (eb: Eb, today: IsoDate) =>
	eb.and([eb(dueKey, '<', today), eb('outcome.status', 'in', OPEN)]);

function dueCondition(eb: Eb, due: DueWindow, days: BoardDays): Expression<SqlBool> {
	switch (due) {
		case 'overdue':
			return overdue(eb, days.today);
		case 'week':
			return eb.and([eb(dueKey, '>=', days.today), eb(dueKey, '<=', days.weekEnd)]);
		case 'month':
			return eb.and([eb(dueKey, '>=', days.today), eb(dueKey, '<=', days.monthEnd)]);
		case 'none':
			return eb('outcome.due_on', 'is', null);
	}
}

/** The filter as one condition; `except` leaves one filter out, for the counts beside its choices. */
function matching(filter: BoardFilter, days: BoardDays, except?: Facet) {
	return (eb: Eb) => {
		const all: Expression<SqlBool>[] = [eb('outcome.kind', '=', 'action_point')];
		if (except !== 'status') {
			all.push(filter.status ? eb('outcome.status', '=', filter.status) : eb('outcome.status', 'in', OPEN));
		}
		if (except !== 'due' && filter.due) all.push(dueCondition(eb, filter.due, days));
		if (except !== 'meeting' && filter.meeting) {
			all.push(
				filter.meeting === 'none' ? eb('outcome.event_id', 'is', null) : eb('event.kind', '=', filter.meeting)
			);
		}
		if (except !== 'officer' && filter.officerId) {
			all.push(eb('outcome.responsible_user_id', '=', filter.officerId));
		}
		if (filter.personId) all.push(eb('outcome.owner_person_id', '=', filter.personId));
		if (filter.organizationId) all.push(eb('outcome.owner_organization_id', '=', filter.organizationId));
		if (filter.partnerId) {
			all.push(
				eb.exists(
					eb
						.selectFrom('dossier_entry as d')
						.select('d.record_id')
						.where('d.record_type', '=', 'outcome')
						.whereRef('d.record_id', '=', 'outcome.id')
						.where('d.organization_id', '=', filter.partnerId)
				)
			);
		}
		return eb.and(all);
	};
}

/** One page of the board, in its order (keyset on the due key and id). Fetches limit + 1 rows. */
export async function listBoardActionPoints(
	db: Kysely<Database>,
	filter: BoardFilter,
	days: BoardDays,
	page: PageRequest
) {
	const query = outcomesWithOwners(db)
		.select(['event.kind as event_kind', dueKey.as('due_key')])
		.where(matching(filter, days));
	return pageByKeyset(query, page, { key: [dueKey, 'outcome.id'], order: 'asc' }).execute();
}

export type BoardRow = Awaited<ReturnType<typeof listBoardActionPoints>>[number];

/**
 * How many action points a count reads at most. The counts beside the filters are taken over the first
 * COUNT_LIMIT + 1 action points the other filters select, in the board's order (outcome_board_idx, no
 * sort), and the total stops there too: a board of a hundred thousand shows "1000+", and costs what a
 * board of a thousand does.
 */
export const COUNT_LIMIT = 1000;

/** The first COUNT_LIMIT + 1 action points the filters select (`except` one left out), in the board's order. */
function counted(db: Kysely<Database>, filter: BoardFilter, days: BoardDays, except?: Facet) {
	return db
		.selectFrom('outcome')
		.leftJoin('event', 'event.id', 'outcome.event_id')
		.where(matching(filter, days, except))
		.orderBy(dueKey)
		.orderBy('outcome.id')
		.limit(COUNT_LIMIT + 1);
}

const count = sql<number | string>`count(*)`;

/** By status, among the first COUNT_LIMIT + 1 that match the other filters. */
export function countBoardByStatus(db: Kysely<Database>, filter: BoardFilter, days: BoardDays) {
	return db
		.selectFrom(counted(db, filter, days, 'status').select('outcome.status').as('w'))
		.select(['w.status', count.as('n')])
		.groupBy('w.status')
		.execute();
}

/**
 * By the kind of meeting (null: recorded without an event), among the first COUNT_LIMIT + 1. The window
 * is cut before each is joined to its event: joined inside it, PostgreSQL priced the window high enough
 * to start two parallel workers for its thousand rows (13 ms; 8 ms without them).
 */
export function countBoardByMeeting(db: Kysely<Database>, filter: BoardFilter, days: BoardDays) {
	return db
		.selectFrom(counted(db, filter, days, 'meeting').select('outcome.event_id').as('w'))
		.leftJoin('event', 'event.id', 'w.event_id')
		.select(['event.kind', count.as('n')])
		.groupBy('event.kind')
		.execute();
}

/** By the officer responsible (null: nobody named), among the first COUNT_LIMIT + 1. */
export function countBoardByOfficer(db: Kysely<Database>, filter: BoardFilter, days: BoardDays) {
	return db
		.selectFrom(counted(db, filter, days, 'officer').select('outcome.responsible_user_id').as('w'))
		.select(['w.responsible_user_id', count.as('n')])
		.groupBy('w.responsible_user_id')
		.execute();
}

/**
 * In each due window (which overlap: this month holds this week), among the first COUNT_LIMIT + 1 that
 * match the other filters. The window's rows are named `outcome`, so that the due conditions read them.
 */
export async function countBoardByDue(db: Kysely<Database>, filter: BoardFilter, days: BoardDays) {
	const inWindow = (eb: Eb, due: DueWindow) =>
		eb.fn.sum<number | string | null>(
			eb
				.case()
				.when(dueCondition(eb, due, days))
				.then(1)
				.else(0)
				.end()
		);
	return db
		.selectFrom(counted(db, filter, days, 'due').select(['outcome.due_on', 'outcome.status']).as('outcome'))
		.select((eb) => [
			count.as('any'),
			inWindow(eb as unknown as Eb, 'overdue').as('overdue'),
			inWindow(eb as unknown as Eb, 'week').as('week'),
			inWindow(eb as unknown as Eb, 'month').as('month'),
			inWindow(eb as unknown as Eb, 'none').as('none')
		])
		.executeTakeFirstOrThrow();
}

/** The counts a facet's choices show: how many of its window each choice would select. */
export interface FacetCounts {
	byDue: Record<'any' | 'overdue' | 'week' | 'month' | 'none', number>;
	byMeeting: { kind: EventKind | null; n: number }[];
	byOfficer: { responsible_user_id: number | null; n: number }[];
}

/**
 * The total, and the counts of the due, meeting and officer facets, from one walk of the window all the
 * filters select: a facet whose filter is not set counts that same window (its own leaves out only its
 * filter), so on a board filtered by none of them this one query stands for four. Grouped by kind of
 * meeting and officer (a few dozen groups), each group's due windows summed, and added up here.
 */
export async function countBoardWindow(
	db: Kysely<Database>,
	filter: BoardFilter,
	days: BoardDays
): Promise<FacetCounts & { total: number }> {
	const flag = (eb: Eb, due: DueWindow) =>
		eb
			.case()
			.when(dueCondition(eb, due, days))
			.then(1)
			.else(0)
			.end();
	const rows = await db
		.selectFrom(
			counted(db, filter, days)
				.select((eb) => [
					'outcome.event_id',
					'outcome.responsible_user_id',
					flag(eb, 'overdue').as('overdue'),
					flag(eb, 'week').as('week'),
					flag(eb, 'month').as('month'),
					flag(eb, 'none').as('none')
				])
				.as('w')
		)
		.leftJoin('event', 'event.id', 'w.event_id')
		.select((eb) => [
			'event.kind',
			'w.responsible_user_id',
			count.as('n'),
			eb.fn.sum<number | string>('w.overdue').as('overdue'),
			eb.fn.sum<number | string>('w.week').as('week'),
			eb.fn.sum<number | string>('w.month').as('month'),
			eb.fn.sum<number | string>('w.none').as('none')
		])
		.groupBy(['event.kind', 'w.responsible_user_id'])
		.execute();
	const byDue = { any: 0, overdue: 0, week: 0, month: 0, none: 0 };
	const byMeeting = new Map<EventKind | null, number>();
	const byOfficer = new Map<number | null, number>();
	for (const row of rows) {
		const n = Number(row.n);
		byDue.any += n;
		byDue.overdue += Number(row.overdue);
		byDue.week += Number(row.week);
		byDue.month += Number(row.month);
		byDue.none += Number(row.none);
		byMeeting.set(row.kind, (byMeeting.get(row.kind) ?? 0) + n);
		byOfficer.set(row.responsible_user_id, (byOfficer.get(row.responsible_user_id) ?? 0) + n);
	}
	return {
		total: byDue.any,
		byDue,
		byMeeting: [...byMeeting].map(([kind, n]) => ({ kind, n })),
		byOfficer: [...byOfficer].map(([responsible_user_id, n]) => ({ responsible_user_id, n }))
	};
}

/** The person the board is filtered by, for its heading. */
export async function findBoardPerson(db: Kysely<Database>, personId: number) {
	const row = await db
		.selectFrom('person')
		.select(['id', 'honorific', 'given_name', 'family_name'])
		.where('id', '=', personId)
		.executeTakeFirst();
	return row ?? null;
}

/** The organisations the board is filtered by (as owner, as partner), for its heading. */
export async function listBoardOrganizations(db: Kysely<Database>, organizationIds: number[]) {
	if (organizationIds.length === 0) return [];
	return db
		.selectFrom('organization')
		.select(['id', 'name', 'acronym'])
		.where('id', 'in', organizationIds)
		.execute();
}
