/**
 * Turns of work that runs once an interval, whichever process takes it (the scheduled backups,
 * backup.schedule.ts): one `scheduled_turn` row per kind of work. A turn is taken by one conditional
 * UPDATE — free or its hold run out, and due — so that of any number of processes asking at once,
 * on either engine, exactly one gets it: PostgreSQL re-checks the conditions of a row another
 * transaction changed before writing it, SQLite writes one transaction at a time.
 */
import type { Kysely } from 'kysely';
import type { Database, Instant, ScheduledTurnTable } from '../db/schema';
import type { Selectable } from 'kysely';

export type ScheduledTurn = Selectable<ScheduledTurnTable>;

export async function findScheduledTurn(db: Kysely<Database>, name: string): Promise<ScheduledTurn | null> {
	const row = await db.selectFrom('scheduled_turn').selectAll().where('name', '=', name).executeTakeFirst();
	return row ?? null;
}

/**
 * Takes the turn for `holder` until `until` when nobody holds it (or the hold ran out before `now`, or
 * was `takeOverFrom`'s, a process seen to be gone) and no turn began after `dueBefore`. The row, once
 * taken; null when another process holds it or the last turn is too recent.
 */
export async function takeScheduledTurn(
	db: Kysely<Database>,
	name: string,
	turn: { holder: string; now: Instant; until: Instant; dueBefore: Instant; takeOverFrom?: string }
): Promise<ScheduledTurn | null> {
	await db
		.insertInto('scheduled_turn')
		.values({ name })
		.onConflict((oc) => oc.doNothing())
		.execute();
	const row = await db
		.updateTable('scheduled_turn')
		.set({ held_by: turn.holder, held_until: turn.until })
		.where('name', '=', name)
		.where((eb) =>
			eb.or([
				eb('held_by', 'is', null),
				eb('held_until', '<', turn.now),
				...(turn.takeOverFrom ? [eb('held_by', '=', turn.takeOverFrom)] : [])
			])
		)
		.where((eb) => eb.or([eb('last_started_at', 'is', null), eb('last_started_at', '<=', turn.dueBefore)]))
		.returningAll()
		.executeTakeFirst();
	return row ?? null;
}

/** Keeps holding the turn until `until`; false when it is no longer `holder`'s. */
export async function extendScheduledTurn(
	db: Kysely<Database>,
	name: string,
	holder: string,
	until: Instant
) {
	const result = await db
		.updateTable('scheduled_turn')
		.set({ held_until: until })
		.where('name', '=', name)
		.where('held_by', '=', holder)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/**
 * Gives the turn back. `ran` (when the work began and ended) when the work was done — or tried and
 * failed, as a failed backup waits for the next interval too; absent when it was not started.
 */
export async function endScheduledTurn(
	db: Kysely<Database>,
	name: string,
	holder: string,
	ran?: { startedAt: Instant; endedAt: Instant }
) {
	await db
		.updateTable('scheduled_turn')
		.set({
			held_by: null,
			held_until: null,
			...(ran ? { last_started_at: ran.startedAt, last_ended_at: ran.endedAt } : {})
		})
		.where('name', '=', name)
		.where('held_by', '=', holder)
		.execute();
}
