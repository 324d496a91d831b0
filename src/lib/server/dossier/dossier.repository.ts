/**
 * Queries of the partner dossier: keeping dossier_entry current from the records' links, and reading a
 * dossier's timeline, counts and head. Kysely only: no rules, no HTTP.
 */
import { PostgresAdapter, sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { DossierKind, DossierRole } from '../../vocabulary';
import { dueKey } from '../actions/action-board.repository';
import { agreementStateOn } from '../agreements/agreement.repository';
import { actionPointItemColumns } from '../outcomes/outcome.repository';
import { pageByKeyset } from '../db/keyset';
import type { Database, DossierEntryTable, DossierPendingTable, IsoDate } from '../db/schema';
import type { PageRequest } from '../pagination';

type Db = Kysely<Database>;

export type PendingRecord = DossierPendingTable;

// --- Keeping the entries current ------------------------------------------------------------------

/**
 * Holds other refreshes off until this transaction ends. On PostgreSQL two could otherwise work out the
 * same record from different snapshots and leave the older one's rows; SQLite runs one writer at a time.
 */
export async function lockDossierRefresh(db: Db): Promise<void> {
	if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
	await sql`select pg_advisory_xact_lock(${DOSSIER_LOCK})`.execute(db);
}

/** The advisory lock's key: any number no other part of Protokol uses. */
const DOSSIER_LOCK = 7_310_001;

export async function hasPendingDossierRecords(db: Db): Promise<boolean> {
	const row = await db.selectFrom('dossier_pending').select('record_id').limit(1).executeTakeFirst();
	return row !== undefined;
}

/**
 * Takes up to `limit` pending records off the list and returns them. Run inside the transaction that
 * writes their entries: a change made meanwhile puts its record back on the list, so nothing is lost.
 */
export async function claimPendingDossierRecords(db: Db, limit: number): Promise<PendingRecord[]> {
	let pending = db
		.selectFrom('dossier_pending')
		.select(['record_type', 'record_id'])
		.orderBy('record_type')
		.orderBy('record_id')
		.limit(limit);
	// PostgreSQL: not the rows a change still in progress holds (migration 20261207_0701); nor waiting for them.
	if (db.getExecutor().adapter instanceof PostgresAdapter) pending = pending.forUpdate().skipLocked();
	return db
		.deleteFrom('dossier_pending')
		.where((eb) =>
			eb(eb.refTuple('record_type', 'record_id'), 'in', pending.$asTuple('record_type', 'record_id'))
		)
		.returning(['record_type', 'record_id'])
		.execute();
}

/**
 * Puts every record in the dossiers of these organisations back on the pending list: they were moved
 * under another parent, so the organisations above them changed.
 */
export async function requeueRecordsOf(db: Db, organizationIds: number[]): Promise<void> {
	if (organizationIds.length === 0) return;
	await db
		.insertInto('dossier_pending')
		.columns(['record_type', 'record_id'])
		.expression(
			db
				.selectFrom('dossier_entry')
				.select(['record_type', 'record_id'])
				.distinct()
				.where('organization_id', 'in', organizationIds)
		)
		.onConflict((oc) => oc.doNothing())
		.execute();
}

/** The outcomes recorded at these events: their place in a dossier follows the event's. */
export async function listOutcomeIdsOfEvents(db: Db, eventIds: number[]): Promise<number[]> {
	if (eventIds.length === 0) return [];
	const rows = await db.selectFrom('outcome').select('id').where('event_id', 'in', eventIds).execute();
	return rows.map((row) => row.id);
}

/** A role as a constant column, typed as any role so that the parts of a union agree. */
const roleOf = (role: DossierRole) => sql<DossierRole>`${sql.lit(role)}`.as('role');

/** When a record happened, as the dossier sorts it: an instant, or a calendar date. */
export interface DatedRecord {
	id: number;
	instant: string | null;
	date: IsoDate | null;
	/** The zone an instant is read in for its year; null: UTC. */
	time_zone: string | null;
	/**
	 * The date of last resort: when an outcome without a meeting was recorded. Null for records whose
	 * date is theirs alone: an agreement or project without one sorts after every dated record.
	 */
	recorded_at: string | null;
}

/** An organisation a record is linked to, and how. */
export interface RecordLink {
	record_id: number;
	organization_id: number;
	role: DossierEntryTable['role'];
}

export async function listEventDates(db: Db, ids: number[]): Promise<DatedRecord[]> {
	if (ids.length === 0) return [];
	return db
		.selectFrom('event')
		.select([
			'id',
			'start_at as instant',
			sql<IsoDate | null>`null`.as('date'),
			'time_zone',
			'created_at as recorded_at'
		])
		.where('id', 'in', ids)
		.execute();
}

/** Hosts and co-hosts, and the organisations that sent participants or a delegation. */
export async function listEventLinks(db: Db, ids: number[]): Promise<RecordLink[]> {
	if (ids.length === 0) return [];
	return db
		.selectFrom('event_organization')
		.select(['event_id as record_id', 'organization_id', sql.ref<DossierRole>('role').as('role')])
		.where('event_id', 'in', ids)
		.unionAll(
			db
				.selectFrom('event_participant')
				.select(['event_id as record_id', 'organization_id', roleOf('participant')])
				.distinct()
				.where('event_id', 'in', ids)
				.where('organization_id', 'is not', null)
				.$narrowType<{ organization_id: number }>()
		)
		.unionAll(
			db
				.selectFrom('delegation')
				.select(['event_id as record_id', 'organization_id', roleOf('participant')])
				.where('event_id', 'in', ids)
				.where('organization_id', 'is not', null)
				.$narrowType<{ organization_id: number }>()
		)
		.execute();
}

/** An outcome is dated by the meeting it came from, else by when it was recorded. */
export async function listOutcomeDates(db: Db, ids: number[]): Promise<DatedRecord[]> {
	if (ids.length === 0) return [];
	return db
		.selectFrom('outcome')
		.leftJoin('event', 'event.id', 'outcome.event_id')
		.select([
			'outcome.id',
			'event.start_at as instant',
			sql<IsoDate | null>`null`.as('date'),
			'event.time_zone',
			'outcome.created_at as recorded_at'
		])
		.where('outcome.id', 'in', ids)
		.execute();
}

/** Who answers for it, its parties, and the hosts of the meeting it came from. */
export async function listOutcomeLinks(db: Db, ids: number[]): Promise<RecordLink[]> {
	if (ids.length === 0) return [];
	return db
		.selectFrom('outcome')
		.select(['id as record_id', 'owner_organization_id as organization_id', roleOf('owner')])
		.where('id', 'in', ids)
		.where('owner_organization_id', 'is not', null)
		.$narrowType<{ organization_id: number }>()
		.unionAll(
			db
				.selectFrom('outcome_party')
				.select(['outcome_id as record_id', 'organization_id', roleOf('party')])
				.where('outcome_id', 'in', ids)
		)
		.unionAll(
			db
				.selectFrom('outcome')
				.innerJoin('event_organization as eo', 'eo.event_id', 'outcome.event_id')
				.select(['outcome.id as record_id', 'eo.organization_id', roleOf('meeting')])
				.where('outcome.id', 'in', ids)
		)
		.execute();
}

export async function listCorrespondenceDates(db: Db, ids: number[]): Promise<DatedRecord[]> {
	if (ids.length === 0) return [];
	return db
		.selectFrom('correspondence')
		.select([
			'id',
			sql<string | null>`null`.as('instant'),
			'dated_on as date',
			sql<string | null>`null`.as('time_zone'),
			sql<string | null>`null`.as('recorded_at')
		])
		.where('id', 'in', ids)
		.execute();
}

export async function listCorrespondenceLinks(db: Db, ids: number[]): Promise<RecordLink[]> {
	if (ids.length === 0) return [];
	return db
		.selectFrom('correspondence')
		.select(['id as record_id', 'sender_organization_id as organization_id', roleOf('sender')])
		.where('id', 'in', ids)
		.where('sender_organization_id', 'is not', null)
		.$narrowType<{ organization_id: number }>()
		.unionAll(
			db
				.selectFrom('correspondence')
				.select(['id as record_id', 'recipient_organization_id as organization_id', roleOf('recipient')])
				.where('id', 'in', ids)
				.where('recipient_organization_id', 'is not', null)
				.$narrowType<{ organization_id: number }>()
		)
		.execute();
}

/** An agreement is dated by its signature, else its approval, else its entry into force. */
export async function listAgreementDates(db: Db, ids: number[]): Promise<DatedRecord[]> {
	if (ids.length === 0) return [];
	return db
		.selectFrom('agreement')
		.select((eb) => [
			'id',
			sql<string | null>`null`.as('instant'),
			eb.fn.coalesce('signed_on', 'approved_on', 'in_force_on').as('date'),
			sql<string | null>`null`.as('time_zone'),
			sql<string | null>`null`.as('recorded_at')
		])
		.where('id', 'in', ids)
		.execute();
}

export async function listAgreementLinks(db: Db, ids: number[]): Promise<RecordLink[]> {
	if (ids.length === 0) return [];
	return db
		.selectFrom('agreement_party')
		.select(['agreement_id as record_id', 'organization_id', roleOf('party')])
		.where('agreement_id', 'in', ids)
		.execute();
}

export async function listProjectDates(db: Db, ids: number[]): Promise<DatedRecord[]> {
	if (ids.length === 0) return [];
	return db
		.selectFrom('project')
		.select([
			'id',
			sql<string | null>`null`.as('instant'),
			'start_on as date',
			sql<string | null>`null`.as('time_zone'),
			sql<string | null>`null`.as('recorded_at')
		])
		.where('id', 'in', ids)
		.execute();
}

export async function listProjectLinks(db: Db, ids: number[]): Promise<RecordLink[]> {
	if (ids.length === 0) return [];
	return db
		.selectFrom('project_partner')
		.select(['project_id as record_id', 'organization_id', roleOf('partner')])
		.where('project_id', 'in', ids)
		.execute();
}

/** A bad edit could make parents loop; the walk up stops after this many steps. */
const MAX_ANCESTRY_DEPTH = 32;

/**
 * Each organisation with itself (depth 0) and every organisation above it (depth 1 for its parent…), for
 * several organisations in one recursive query.
 */
export async function listAncestries(db: Db, organizationIds: number[]) {
	if (organizationIds.length === 0) return [];
	return db
		.withRecursive('ancestry(organization_id, ancestor_id, depth)', (qc) =>
			qc
				.selectFrom('organization')
				.select(['id as organization_id', 'id as ancestor_id', sql<number>`0`.as('depth')])
				.where('id', 'in', organizationIds)
				.unionAll(
					qc
						.selectFrom('ancestry')
						.innerJoin('organization', 'organization.id', 'ancestry.ancestor_id')
						.select([
							'ancestry.organization_id',
							'organization.parent_id as ancestor_id',
							sql<number>`ancestry.depth + 1`.as('depth')
						])
						.where('organization.parent_id', 'is not', null)
						.where('ancestry.depth', '<', MAX_ANCESTRY_DEPTH)
						.$narrowType<{ ancestor_id: number }>()
				)
		)
		.selectFrom('ancestry')
		.select(['organization_id', 'ancestor_id', 'depth'])
		.execute();
}

export async function deleteDossierEntries(db: Db, recordType: DossierKind, recordIds: number[]) {
	if (recordIds.length === 0) return;
	await db
		.deleteFrom('dossier_entry')
		.where('record_type', '=', recordType)
		.where('record_id', 'in', recordIds)
		.execute();
}

/** Rows per statement: eight parameters each, well under either engine's limit. */
const INSERT_CHUNK = 500;

export async function insertDossierEntries(db: Db, entries: DossierEntryTable[]) {
	for (let i = 0; i < entries.length; i += INSERT_CHUNK) {
		await db
			.insertInto('dossier_entry')
			.values(entries.slice(i, i + INSERT_CHUNK))
			.execute();
	}
}

/** Every record of every kind: what a rebuild puts on the pending list. */
export async function markEveryRecordPending(db: Db): Promise<void> {
	for (const recordType of ['event', 'correspondence', 'outcome', 'agreement', 'project'] as const) {
		await db
			.insertInto('dossier_pending')
			.columns(['record_type', 'record_id'])
			// The WHERE keeps SQLite from reading ON CONFLICT as a join's ON.
			.expression(
				db
					.selectFrom(recordType)
					.select([sql.lit(recordType).as('record_type'), 'id'])
					.where('id', 'is not', null)
			)
			.onConflict((oc) => oc.doNothing())
			.execute();
	}
}

// --- Reading a dossier ----------------------------------------------------------------------------

export interface DossierFilter {
	kind?: DossierKind;
	year?: number;
	/** Leave out what only an organisation below this one is linked to. */
	ownOnly?: boolean;
}

function dossierOf(db: Db, organizationId: number, filter: Omit<DossierFilter, 'kind'>) {
	let query = db.selectFrom('dossier_entry').where('dossier_entry.organization_id', '=', organizationId);
	if (filter.ownOnly) query = query.where('dossier_entry.direct', '=', 1);
	if (filter.year !== undefined) {
		// The range keeps the read on the timeline's index; the year itself decides (an event's, in its zone).
		query = query
			.where('dossier_entry.occurred_at', '>=', `${filter.year - 1}-12-30T00:00:00.000Z`)
			.where('dossier_entry.occurred_at', '<', `${filter.year + 1}-01-03T00:00:00.000Z`)
			.where('dossier_entry.year', '=', filter.year);
	}
	return query;
}

/**
 * One page of a dossier's timeline, newest first, each entry with what a line of it shows — the event,
 * letter, outcome, agreement or project, and the organisation below through which it is there — in one
 * query. The sort key is (occurred_at, record_type, record_id), or (occurred_at, record_id) within one
 * kind, so that either way the read follows one index. Fetches limit + 1 rows.
 */
export async function listDossierTimeline(
	db: Db,
	organizationId: number,
	filter: DossierFilter,
	today: IsoDate,
	page: PageRequest
) {
	let entries = dossierOf(db, organizationId, filter).select([
		'dossier_entry.record_type',
		'dossier_entry.record_id',
		'dossier_entry.occurred_at',
		'dossier_entry.direct',
		'dossier_entry.role',
		'dossier_entry.via_organization_id'
	]);
	if (filter.kind) entries = entries.where('dossier_entry.record_type', '=', filter.kind);
	const key = filter.kind
		? (['dossier_entry.occurred_at', 'dossier_entry.record_id'] as const)
		: (['dossier_entry.occurred_at', 'dossier_entry.record_type', 'dossier_entry.record_id'] as const);
	// The page's entries first, then what each shows: PostgreSQL planned the ten-table join around the
	// whole dossier in 6 ms, six times what it takes to run; around the page's 51 entries, in under one.
	const pageOfEntries = pageByKeyset(entries, page, { key, order: 'desc' }).as('dossier_entry');
	// The page's own order, as pageByKeyset read it (the other way for a page before a cursor).
	const direction = page.before === undefined ? 'desc' : 'asc';
	let query = db
		.selectFrom(pageOfEntries)
		.leftJoin('event', (join) =>
			join.onRef('event.id', '=', 'dossier_entry.record_id').on('dossier_entry.record_type', '=', 'event')
		)
		.leftJoin('correspondence', (join) =>
			join
				.onRef('correspondence.id', '=', 'dossier_entry.record_id')
				.on('dossier_entry.record_type', '=', 'correspondence')
		)
		.leftJoin('organization as sender', 'sender.id', 'correspondence.sender_organization_id')
		.leftJoin('organization as recipient', 'recipient.id', 'correspondence.recipient_organization_id')
		.leftJoin('outcome', (join) =>
			join.onRef('outcome.id', '=', 'dossier_entry.record_id').on('dossier_entry.record_type', '=', 'outcome')
		)
		.leftJoin('event as outcome_event', 'outcome_event.id', 'outcome.event_id')
		.leftJoin('agreement', (join) =>
			join
				.onRef('agreement.id', '=', 'dossier_entry.record_id')
				.on('dossier_entry.record_type', '=', 'agreement')
		)
		.leftJoin('project', (join) =>
			join.onRef('project.id', '=', 'dossier_entry.record_id').on('dossier_entry.record_type', '=', 'project')
		)
		.leftJoin('organization as via', 'via.id', 'dossier_entry.via_organization_id')
		.select((eb) => [
			'dossier_entry.record_type',
			'dossier_entry.record_id',
			'dossier_entry.occurred_at',
			'dossier_entry.direct',
			'dossier_entry.role',
			'via.id as via_id',
			'via.name as via_name',
			'via.acronym as via_acronym',
			'event.title as event_title',
			'event.kind as event_kind',
			'event.status as event_status',
			'event.start_at as event_start_at',
			'event.end_at as event_end_at',
			'event.time_zone as event_time_zone',
			'event.timing as event_timing',
			'correspondence.subject as letter_subject',
			'correspondence.kind as letter_kind',
			'correspondence.reference_number as letter_reference',
			'correspondence.dated_on as letter_dated_on',
			'correspondence.direction as letter_direction',
			'sender.id as sender_id',
			'sender.name as sender_name',
			'sender.acronym as sender_acronym',
			'recipient.id as recipient_id',
			'recipient.name as recipient_name',
			'recipient.acronym as recipient_acronym',
			'outcome.title as outcome_title',
			'outcome.kind as outcome_kind',
			'outcome.status as outcome_status',
			'outcome.due_on as outcome_due_on',
			'outcome.created_at as outcome_created_at',
			'outcome_event.id as outcome_event_id',
			'outcome_event.title as outcome_event_title',
			'outcome_event.time_zone as outcome_event_time_zone',
			'agreement.title as agreement_title',
			'agreement.signed_on as agreement_signed_on',
			'agreement.signed_place as agreement_signed_place',
			'agreement.signed_undated as agreement_signed_undated',
			'agreement.approved_on as agreement_approved_on',
			'agreement.in_force_on as agreement_in_force_on',
			'agreement.in_force_until as agreement_in_force_until',
			'agreement.terminated_on as agreement_terminated_on',
			eb
				.case()
				.when('agreement.id', 'is not', null)
				.then(agreementStateOn(today)(eb as never))
				.end()
				.as('agreement_state'),
			'project.title as project_title',
			'project.state as project_state',
			'project.programme as project_programme',
			'project.start_on as project_start_on',
			'project.start_precision as project_start_precision',
			'project.end_on as project_end_on',
			'project.end_precision as project_end_precision'
		]);
	for (const part of key) query = query.orderBy(part, direction);
	return query.execute();
}

export type DossierTimelineRow = Awaited<ReturnType<typeof listDossierTimeline>>[number];

/**
 * How many records of each kind the dossier holds under the same filters (the kind aside), each counted
 * up to `limit` + 1: one range of dossier_entry_kind_idx (or its own-only twin) per kind, cut there, so
 * that the umbrella of a hundred organisations costs what a small partner does.
 */
export async function countDossierKinds(
	db: Db,
	organizationId: number,
	filter: Omit<DossierFilter, 'kind'>,
	limit: number
): Promise<{ record_type: DossierKind; n: number }[]> {
	const row = await db
		.selectNoFrom((eb) =>
			DOSSIER_KINDS.map((kind) =>
				eb
					.selectFrom(
						dossierOf(db, organizationId, filter)
							.where('dossier_entry.record_type', '=', kind)
							.select('dossier_entry.record_id')
							.limit(limit + 1)
							.as('held')
					)
					.select(eb.fn.countAll<number | string>().as('n'))
					.as(kind)
			)
		)
		.executeTakeFirstOrThrow();
	return DOSSIER_KINDS.map((kind) => ({ record_type: kind, n: Number(row[kind]) }));
}

const DOSSIER_KINDS = [
	'event',
	'correspondence',
	'outcome',
	'agreement',
	'project'
] as const satisfies DossierKind[];

/** The first and the last moment in the dossier, for the year filter's choices; each one index probe. */
export async function findDossierSpan(db: Db, organizationId: number) {
	const edge = (direction: 'asc' | 'desc') =>
		db
			.selectFrom('dossier_entry')
			.select('occurred_at')
			.where('organization_id', '=', organizationId)
			// Undated records (year 0) are in no year.
			.where('year', '>', 0)
			.orderBy('occurred_at', direction)
			.limit(1);
	return db.selectNoFrom([edge('asc').as('first_at'), edge('desc').as('last_at')]).executeTakeFirstOrThrow();
}

/**
 * Action points not yet done or dropped that the organisation, or one below it, answers for, is a party
 * to, or hosted the meeting of; overdue and soonest due first, undated last. Fetches limit + 1 rows.
 *
 * Two ways to the same rows, for the caller to choose by how many outcomes the dossier holds: from the
 * dossier's outcomes, sorted (as many as it holds: for a dossier of a few hundred), or (`fromBoard`)
 * along the action-point board's index in its order, each looked up in the dossier by its key, stopping
 * at limit + 1 (for a dossier holding many, whose action points come soon in that order).
 */
export async function listOpenActionPointsOf(
	db: Db,
	organizationId: number,
	limit: number,
	{ fromBoard }: { fromBoard: boolean }
) {
	if (fromBoard) {
		return db
			.selectFrom('outcome')
			.leftJoin('event', 'event.id', 'outcome.event_id')
			.select(actionPointItemColumns)
			.where('outcome.kind', '=', 'action_point')
			.where('outcome.status', 'in', ['open', 'in_progress'])
			.where((eb) =>
				eb.exists(
					eb
						.selectFrom('dossier_entry')
						.select('dossier_entry.record_id')
						.where('dossier_entry.record_type', '=', 'outcome')
						.whereRef('dossier_entry.record_id', '=', 'outcome.id')
						.where('dossier_entry.organization_id', '=', organizationId)
				)
			)
			.orderBy(dueKey)
			.orderBy('outcome.id')
			.limit(limit + 1)
			.execute();
	}
	return db
		.selectFrom('dossier_entry')
		.innerJoin('outcome', 'outcome.id', 'dossier_entry.record_id')
		.leftJoin('event', 'event.id', 'outcome.event_id')
		.select(actionPointItemColumns)
		.where('dossier_entry.organization_id', '=', organizationId)
		.where('dossier_entry.record_type', '=', 'outcome')
		.where('outcome.kind', '=', 'action_point')
		.where('outcome.status', 'in', ['open', 'in_progress'])
		.orderBy(dueKey)
		.orderBy('outcome.id')
		.limit(limit + 1)
		.execute();
}

/**
 * Agreements in force today with the organisation or one below it, latest in force first. Read from the
 * organisation's own agreement entries (dossier_entry_kind_idx), each agreement by its key: a CROSS JOIN,
 * which SQLite takes as the order of the loops, for otherwise it read every agreement of the office and
 * looked each up in the dossier (PostgreSQL plans a cross join with a condition as any join).
 */
export async function listAgreementsInForceOf(db: Db, organizationId: number, today: IsoDate, limit: number) {
	return db
		.selectFrom('dossier_entry')
		.crossJoin('agreement')
		.whereRef('agreement.id', '=', 'dossier_entry.record_id')
		.select(['agreement.id', 'agreement.title', 'agreement.in_force_on', 'agreement.in_force_until'])
		.where('dossier_entry.organization_id', '=', organizationId)
		.where('dossier_entry.record_type', '=', 'agreement')
		.where((eb) => eb(agreementStateOn(today)(eb as never), '=', 'in_force'))
		.orderBy('agreement.in_force_on', 'desc')
		.orderBy('agreement.id', 'desc')
		.limit(limit + 1)
		.execute();
}

/**
 * Projects running now with the organisation or one below it, the latest started first: from its own
 * project entries, each project by its key (a CROSS JOIN, as for its agreements above).
 */
export async function listRunningProjectsOf(db: Db, organizationId: number, limit: number) {
	return db
		.selectFrom('dossier_entry')
		.crossJoin('project')
		.whereRef('project.id', '=', 'dossier_entry.record_id')
		.select([
			'project.id',
			'project.title',
			'project.programme',
			'project.start_on',
			'project.start_precision'
		])
		.where('dossier_entry.organization_id', '=', organizationId)
		.where('dossier_entry.record_type', '=', 'project')
		.where('project.state', '=', 'ongoing')
		.orderBy('dossier_entry.occurred_at', 'desc')
		.orderBy('project.id', 'desc')
		.limit(limit + 1)
		.execute();
}

/**
 * A partner seen from a meeting: its own dossier (what is with it or any organisation below it) and what
 * is directly with any organisation above it (`above`, its ancestors).
 */
export interface PartnerScope {
	organizationId: number;
	above: number[];
}

/**
 * The column names a record of this kind in the partner's scope: one probe of dossier_entry's kind
 * index for the partner, one of its own-kind index for each organisation above.
 */
export function inPartnerScope(db: Db, scope: PartnerScope, kind: DossierKind, column: string) {
	const records = db
		.selectFrom('dossier_entry as scope')
		.select('scope.record_id')
		.where('scope.record_type', '=', kind)
		.where((s) =>
			s.or([
				s('scope.organization_id', '=', scope.organizationId),
				...(scope.above.length > 0
					? [s.and([s('scope.organization_id', 'in', scope.above), s('scope.direct', '=', 1)])]
					: [])
			])
		);
	return <DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>) =>
		eb(sql.ref<number>(column), 'in', records);
}
