/** Queries over outcomes: what meetings decided and agreed, who carries it, and where it was followed up. */
import { sql, type ExpressionBuilder, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { OutcomeKind, OutcomeStatus } from '../../vocabulary';
import { pageByKeyset } from '../db/keyset';
import { prepared, type Placeholders } from '../db/prepared';
import type {
	Database,
	NewOutcome,
	OutcomeFollowUpTable,
	OutcomeStatusChangeTable,
	OutcomeTable
} from '../db/schema';
import { eventRefColumns } from '../events/event.ref';
import { organizationRefColumns } from '../organizations/organization.ref';
import type { PageRequest } from '../pagination';

export interface OutcomeFilter {
	status?: OutcomeStatus;
	kind?: OutcomeKind;
	/** Owned by this organisation, or a party to it. */
	organizationId?: number;
	/** Owned by this person (read latest first along outcome_owner_person_idx). */
	personId?: number;
}

/**
 * The outcome with what it came from, who owns it and which officer follows it up: the single query
 * behind every outcome view, and the board's rows.
 */
export function outcomesWithOwners(db: Kysely<Database>) {
	return db
		.selectFrom('outcome')
		.leftJoin('event', 'event.id', 'outcome.event_id')
		.leftJoin('person', 'person.id', 'outcome.owner_person_id')
		.leftJoin('organization', 'organization.id', 'outcome.owner_organization_id')
		.leftJoin('user_account as responsible', 'responsible.id', 'outcome.responsible_user_id')
		.select([
			'outcome.id',
			'outcome.kind',
			'outcome.title',
			'outcome.text',
			'outcome.status',
			'outcome.due_on',
			'outcome.version',
			...eventRefColumns,
			'person.id as owner_person_id',
			'person.honorific as owner_honorific',
			'person.given_name as owner_given_name',
			'person.family_name as owner_family_name',
			...organizationRefColumns('organization', 'owner_organization'),
			'responsible.id as responsible_user_id',
			'responsible.name as responsible_user_name'
		]);
}

export type OutcomeRow = NonNullable<Awaited<ReturnType<typeof findOutcome>>>;

/** This organisation is a party to the outcome. */
export function hasParty(organizationId: number) {
	return (eb: ExpressionBuilder<Database, 'outcome'>) =>
		eb.exists(
			eb
				.selectFrom('outcome_party as op')
				.select('op.outcome_id')
				.whereRef('op.outcome_id', '=', 'outcome.id')
				.where('op.organization_id', '=', organizationId)
		);
}

/** Owned by this organisation, or with it as a party. */
export function ownedOrJoinedBy(organizationId: number) {
	return (eb: ExpressionBuilder<Database, 'outcome'>) =>
		eb.or([eb('outcome.owner_organization_id', '=', organizationId), hasParty(organizationId)(eb)]);
}

/**
 * Outcomes in brief with the event each came from, those of the latest events first and those recorded
 * without an event last, for the lists on a person's or an organisation's page.
 */
export function outcomesOfLatestEventsFirst(db: Kysely<Database>) {
	return (
		db
			.selectFrom('outcome')
			.leftJoin('event', 'event.id', 'outcome.event_id')
			.select([
				'outcome.id',
				'outcome.kind',
				'outcome.title',
				'outcome.status',
				'outcome.due_on',
				...eventRefColumns
			])
			// Portable "nulls last": SQLite sorts nulls first in a descending order, PostgreSQL last.
			.orderBy(sql`case when event.start_at is null then 1 else 0 end`)
			.orderBy('event.start_at', 'desc')
			.orderBy('outcome.id', 'desc')
	);
}

/** What a short list of action points shows of each, with the meeting it was agreed at joined as `event`. */
export const actionPointItemColumns = [
	'outcome.id',
	'outcome.title',
	'outcome.status',
	'outcome.due_on',
	'event.id as event_id',
	'event.title as event_title'
] as const;

/**
 * Action points not yet done or dropped, with the meeting each was agreed at left-joined as `event`:
 * overdue and soonest due first, undated last. The condition and the order are those of the partial
 * index outcome_open_action_idx, spelled as its migration spells them (values, not parameters), so that
 * each planner sees the index holds these rows in this order.
 */
export function openActionPointsSoonestDue(db: Kysely<Database>) {
	return db
		.selectFrom('outcome')
		.leftJoin('event', 'event.id', 'outcome.event_id')
		.where(sql<boolean>`outcome.kind = 'action_point' and outcome.status in ('open', 'in_progress')`)
		.orderBy(sql`case when outcome.due_on is null then 1 else 0 end`)
		.orderBy('outcome.due_on')
		.orderBy('outcome.id');
}

/** One page of the register, newest first (keyset on id). Fetches limit + 1 rows. */
export async function listOutcomes(db: Kysely<Database>, filter: OutcomeFilter, page: PageRequest) {
	let query = outcomesWithOwners(db);
	if (filter.status) query = query.where('outcome.status', '=', filter.status);
	if (filter.kind) query = query.where('outcome.kind', '=', filter.kind);
	if (filter.organizationId) query = query.where(ownedOrJoinedBy(filter.organizationId));
	if (filter.personId) query = query.where('outcome.owner_person_id', '=', filter.personId);
	return pageByKeyset(query, page, { key: ['outcome.id'], order: 'desc' }).execute();
}

export async function findOutcome(db: Kysely<Database>, outcomeId: number) {
	const row = await outcomesWithOwners(db).where('outcome.id', '=', outcomeId).executeTakeFirst();
	return row ?? null;
}

/** The outcomes recorded at an event, in the order they were recorded. */
const outcomesOfEvent = prepared((db, p: Placeholders<{ eventId: number }>) =>
	outcomesWithOwners(db).where('outcome.event_id', '=', p.eventId).orderBy('outcome.id')
);

export async function listOutcomesByEvent(db: Kysely<Database>, eventId: number) {
	return outcomesOfEvent(db, { eventId });
}

/** Outcomes of other events that this event took further, oldest source event first. */
export async function listOutcomesFollowedUpByEvent(db: Kysely<Database>, eventId: number) {
	return outcomesFollowedUpAt(db, { eventId });
}

const outcomesFollowedUpAt = prepared((db, p: Placeholders<{ eventId: number }>) =>
	outcomesWithOwners(db)
		.innerJoin('outcome_follow_up as f', 'f.outcome_id', 'outcome.id')
		.where('f.event_id', '=', p.eventId)
		// Outcomes recorded without an event come last on both engines (they sort nulls differently).
		.orderBy(sql`case when event.start_at is null then 1 else 0 end`)
		.orderBy('event.start_at')
		.orderBy('outcome.id')
);

/** The parties to several outcomes at once, alphabetically. */
export async function listPartiesForOutcomes(db: Kysely<Database>, outcomeIds: number[]) {
	if (outcomeIds.length === 0) return [];
	return db
		.selectFrom('outcome_party')
		.innerJoin('organization', 'organization.id', 'outcome_party.organization_id')
		.select(['outcome_party.outcome_id', 'organization.id', 'organization.name', 'organization.acronym'])
		.where('outcome_party.outcome_id', 'in', outcomeIds)
		.orderBy('organization.name')
		.orderBy('organization.id')
		.execute();
}

/** The later events that followed up several outcomes at once, in the order they took place. */
export async function listFollowUpsForOutcomes(db: Kysely<Database>, outcomeIds: number[]) {
	if (outcomeIds.length === 0) return [];
	return db
		.selectFrom('outcome_follow_up')
		.innerJoin('event', 'event.id', 'outcome_follow_up.event_id')
		.select([
			'outcome_follow_up.outcome_id',
			'outcome_follow_up.note',
			'outcome_follow_up.version',
			'outcome_follow_up.carried_at',
			'event.id as event_id',
			'event.title',
			'event.start_at',
			'event.time_zone'
		])
		.where('outcome_follow_up.outcome_id', 'in', outcomeIds)
		.orderBy('event.start_at')
		.orderBy('event.id')
		.execute();
}

/** Every column of one outcome with its parties' ids, as the edit form needs them. */
export async function findOutcomeRow(db: Kysely<Database>, outcomeId: number) {
	const row = await db.selectFrom('outcome').selectAll().where('id', '=', outcomeId).executeTakeFirst();
	return row ?? null;
}

export async function listPartyIds(db: Kysely<Database>, outcomeId: number) {
	const rows = await db
		.selectFrom('outcome_party')
		.select('organization_id')
		.where('outcome_id', '=', outcomeId)
		.orderBy('organization_id')
		.execute();
	return rows.map((r) => r.organization_id);
}

export async function insertOutcome(db: Kysely<Database>, values: NewOutcome) {
	return db.insertInto('outcome').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function updateOutcomeRow(
	db: Kysely<Database>,
	outcomeId: number,
	expectedVersion: number,
	values: Updateable<OutcomeTable>
): Promise<boolean> {
	const result = await db
		.updateTable('outcome')
		.set((eb) => ({ ...values, version: eb('version', '+', 1) }))
		.where('id', '=', outcomeId)
		.where('version', '=', expectedVersion)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

export async function replaceOutcomeParties(
	db: Kysely<Database>,
	outcomeId: number,
	organizationIds: number[]
) {
	await db.deleteFrom('outcome_party').where('outcome_id', '=', outcomeId).execute();
	if (organizationIds.length > 0) {
		await db
			.insertInto('outcome_party')
			.values(organizationIds.map((organization_id) => ({ outcome_id: outcomeId, organization_id })))
			.execute();
	}
}

export async function insertOutcomeFollowUps(
	db: Kysely<Database>,
	followUps: Insertable<OutcomeFollowUpTable>[]
) {
	if (followUps.length > 0) await db.insertInto('outcome_follow_up').values(followUps).execute();
}

/** The event an outcome belongs to, for the form's heading. */
export async function findEventTitle(db: Kysely<Database>, eventId: number) {
	const row = await db
		.selectFrom('event')
		.select(['id', 'title'])
		.where('id', '=', eventId)
		.executeTakeFirst();
	return row ?? null;
}

export async function insertOutcomeStatusChange(
	db: Kysely<Database>,
	change: Insertable<OutcomeStatusChangeTable>
) {
	await db.insertInto('outcome_status_change').values(change).execute();
}

/** An outcome's status changes with their notes and who made them, the latest first. */
export async function listOutcomeStatusChanges(db: Kysely<Database>, outcomeId: number) {
	return db
		.selectFrom('outcome_status_change as c')
		.leftJoin('user_account', 'user_account.id', 'c.changed_by_user_id')
		.select([
			'c.id',
			'c.from_status',
			'c.to_status',
			'c.note',
			'c.changed_at',
			'user_account.name as changed_by'
		])
		.where('c.outcome_id', '=', outcomeId)
		.orderBy('c.id', 'desc')
		.execute();
}
