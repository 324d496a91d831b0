/**
 * Queries of an action point's thread across meetings: carrying it to a later meeting
 * (outcome_follow_up), what was said on it there, and the open action points a new meeting's hosts
 * have to carry over. Kysely only: no rules, no HTTP.
 */
import { PostgresAdapter, type ExpressionBuilder, type Kysely } from 'kysely';
import { openActionPointsSoonestDue } from './outcome.repository';
import type { Database } from '../db/schema';

type Db = Kysely<Database>;

/**
 * The meeting something is carried to, or null. Inside a transaction this takes its row lock on
 * PostgreSQL, so that two officers carrying to one meeting take turns (SQLite's BEGIN IMMEDIATE does).
 */
export async function findCarryTarget(db: Db, eventId: number) {
	const query = db
		.selectFrom('event')
		.select(['event.id', 'event.title', 'event.start_at', 'event.status'])
		.where('event.id', '=', eventId);
	const row = await (
		db.getExecutor().adapter instanceof PostgresAdapter && db.isTransaction ? query.forUpdate() : query
	).executeTakeFirst();
	return row ?? null;
}

/** These outcomes with the start of the meeting each was agreed at, and whether it is carried there already. */
export async function listOutcomesToCarry(db: Db, outcomeIds: number[], eventId: number) {
	if (outcomeIds.length === 0) return [];
	return db
		.selectFrom('outcome')
		.leftJoin('event', 'event.id', 'outcome.event_id')
		.leftJoin('outcome_follow_up as carried', (join) =>
			join.onRef('carried.outcome_id', '=', 'outcome.id').on('carried.event_id', '=', eventId)
		)
		.select([
			'outcome.id',
			'outcome.title',
			'outcome.kind',
			'outcome.status',
			'outcome.event_id',
			'event.start_at as agreed_at',
			'carried.event_id as carried_to'
		])
		.where('outcome.id', 'in', outcomeIds)
		.orderBy('outcome.id')
		.execute();
}

export async function insertCarriedOutcomes(
	db: Db,
	eventId: number,
	outcomeIds: number[],
	carried: { at: string; by: number | null }
) {
	if (outcomeIds.length === 0) return;
	await db
		.insertInto('outcome_follow_up')
		.values(
			outcomeIds.map((outcomeId) => ({
				outcome_id: outcomeId,
				event_id: eventId,
				note: null,
				carried_at: carried.at,
				carried_by_user_id: carried.by
			}))
		)
		.execute();
}

export async function findFollowUp(db: Db, outcomeId: number, eventId: number) {
	const row = await db
		.selectFrom('outcome_follow_up')
		.selectAll()
		.where('outcome_id', '=', outcomeId)
		.where('event_id', '=', eventId)
		.executeTakeFirst();
	return row ?? null;
}

/** Writes what was said if the row is still at `expectedVersion`; false when someone saved in between. */
export async function updateFollowUpNote(
	db: Db,
	outcomeId: number,
	eventId: number,
	expectedVersion: number,
	note: string | null
): Promise<boolean> {
	const result = await db
		.updateTable('outcome_follow_up')
		.set((eb) => ({ note, version: eb('version', '+', 1) }))
		.where('outcome_id', '=', outcomeId)
		.where('event_id', '=', eventId)
		.where('version', '=', expectedVersion)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/** How many outcomes the dossiers of these organisations hold, counted up to `limit` + 1: index entries alone. */
export async function countOutcomesHeldBy(db: Db, organizationIds: number[], limit: number) {
	if (organizationIds.length === 0) return 0;
	const { n } = await db
		.selectFrom(
			db
				.selectFrom('dossier_entry')
				.select('record_id')
				.where('organization_id', 'in', organizationIds)
				.where('record_type', '=', 'outcome')
				.limit(limit + 1)
				.as('held')
		)
		.select((eb) => eb.fn.countAll<number | string>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(n);
}

/**
 * Open action points in the dossiers of these organisations (the meeting's hosts and co-hosts) that were
 * agreed before the meeting and are not carried to it yet, soonest due first, at most `limit`.
 *
 * Two ways to the same rows, for the caller to choose by how many outcomes the dossiers hold: from the
 * dossiers' outcomes, sorted (a few thousand at most), or (`inOrder`) along the open action points'
 * index in its order (outcome_open_action_idx), each looked up in the dossiers by its key, stopping at
 * the limit: an umbrella organisation's dossier holds a quarter of the office's outcomes, and reading
 * all of them to sort them took 10–15 ms on PostgreSQL at a million events.
 */
export async function listActionPointsToCarryOver(
	db: Db,
	meeting: { id: number; start_at: string },
	organizationIds: number[],
	{ limit, inOrder }: { limit: number; inOrder: boolean }
) {
	if (organizationIds.length === 0) return [];
	return openActionPointsSoonestDue(db)
		.select([
			'outcome.id',
			'outcome.title',
			'outcome.due_on',
			'event.id as event_id',
			'event.title as event_title',
			'event.start_at as event_start_at',
			'event.time_zone as event_time_zone'
		])
		.where((eb) => {
			const inDossiers = eb
				.selectFrom('dossier_entry')
				.select('dossier_entry.record_id')
				.where('dossier_entry.record_type', '=', 'outcome')
				.where('dossier_entry.organization_id', 'in', organizationIds);
			return inOrder
				? eb.exists(inDossiers.whereRef('dossier_entry.record_id', '=', 'outcome.id'))
				: eb('outcome.id', 'in', inDossiers);
		})
		.where((eb) => eb.or([eb('outcome.event_id', 'is', null), eb('event.start_at', '<', meeting.start_at)]))
		.where((eb) => eb.not(carriedTo(eb, meeting.id)))
		.limit(limit)
		.execute();
}

/** The outcome (`outcome`) is carried to this meeting already. */
export function carriedTo(eb: ExpressionBuilder<Database, 'outcome'>, eventId: number) {
	return eb.exists(
		eb
			.selectFrom('outcome_follow_up as carried')
			.select('carried.outcome_id')
			.whereRef('carried.outcome_id', '=', 'outcome.id')
			.where('carried.event_id', '=', eventId)
	);
}
