/** Queries over seating plans: the plan of an event, its tables, who sits where, and what each change moved. */
import type { Insertable, Kysely } from 'kysely';
import type { Database, SeatingChangeTable, SeatingPlanTable, SeatingSeatTable } from '../db/schema';
import {
	inPrecedenceOrder,
	participantsOf,
	personAtEventColumns
} from '../participants/participant.repository';

export async function findPlanOfEvent(db: Kysely<Database>, eventId: number) {
	return (
		(await db.selectFrom('seating_plan').selectAll().where('event_id', '=', eventId).executeTakeFirst()) ??
		null
	);
}

export type SeatingPlanRow = NonNullable<Awaited<ReturnType<typeof findPlanOfEvent>>>;

export async function listTables(db: Kysely<Database>, planId: number) {
	return db
		.selectFrom('seating_table')
		.selectAll()
		.where('plan_id', '=', planId)
		.orderBy('position')
		.execute();
}

export type SeatingTableRow = Awaited<ReturnType<typeof listTables>>[number];

export async function listSeats(db: Kysely<Database>, planId: number) {
	return db
		.selectFrom('seating_seat as s')
		.innerJoin('seating_table as t', 't.id', 's.table_id')
		.select(['s.table_id', 's.seat', 's.participant_id'])
		.where('t.plan_id', '=', planId)
		.orderBy('t.position')
		.orderBy('s.seat')
		.execute();
}

export type SeatRow = Awaited<ReturnType<typeof listSeats>>[number];

/**
 * Every participant of the event in order of precedence, with what the seating rules read: their role,
 * delegation, answer, and the post that may send them behind at a bilateral meeting. At most `limit` + 1.
 */
export async function listGuests(db: Kysely<Database>, eventId: number, limit: number) {
	return inPrecedenceOrder(
		participantsOf(db, eventId).select([
			'p.id',
			'p.role',
			'p.delegation_id',
			'p.rsvp_status',
			...personAtEventColumns
		])
	)
		.limit(limit + 1)
		.execute();
}

export type SeatingGuestRow = Awaited<ReturnType<typeof listGuests>>[number];

/** The changes made after `afterVersion`, the newest version first, each version's moves in their order (at most `limit` + 1). */
export async function listChangesAfter(
	db: Kysely<Database>,
	planId: number,
	afterVersion: number,
	limit: number
) {
	return db
		.selectFrom('seating_change')
		.selectAll()
		.where('plan_id', '=', planId)
		.where('version', '>', afterVersion)
		.orderBy('version', 'desc')
		.orderBy('id')
		.limit(limit + 1)
		.execute();
}

export async function insertPlan(db: Kysely<Database>, values: Insertable<SeatingPlanTable>) {
	return db.insertInto('seating_plan').values(values).returning('id').executeTakeFirstOrThrow();
}

/** Moves the plan on to its next version if it is still at `version`; false when someone saved in between. */
export async function bumpPlanVersion(
	db: Kysely<Database>,
	planId: number,
	version: number,
	values: Partial<Pick<SeatingPlanTable, 'layout' | 'keep_delegations' | 'alternate_hosts'>> & {
		updated_at: string;
	}
): Promise<boolean> {
	const result = await db
		.updateTable('seating_plan')
		.set({ ...values, version: version + 1 })
		.where('id', '=', planId)
		.where('version', '=', version)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function setPrintedVersion(db: Kysely<Database>, planId: number, version: number) {
	const result = await db
		.updateTable('seating_plan')
		.set({ printed_version: version })
		.where('id', '=', planId)
		.where('version', '=', version)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Takes every table away, and their seats with them. */
export async function deleteTablesOfPlan(db: Kysely<Database>, planId: number) {
	await db.deleteFrom('seating_table').where('plan_id', '=', planId).execute();
}

export async function insertTable(
	db: Kysely<Database>,
	values: {
		plan_id: number;
		position: number;
		name: string;
		shape: SeatingTableRow['shape'];
		seats: number;
		side: number | null;
	}
) {
	return db.insertInto('seating_table').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function updateTable(
	db: Kysely<Database>,
	tableId: number,
	values: { name: string; shape: SeatingTableRow['shape']; seats: number }
) {
	await db.updateTable('seating_table').set(values).where('id', '=', tableId).execute();
}

export async function deleteTable(db: Kysely<Database>, tableId: number) {
	await db.deleteFrom('seating_table').where('id', '=', tableId).execute();
}

export async function insertSeats(db: Kysely<Database>, rows: Insertable<SeatingSeatTable>[]) {
	if (rows.length === 0) return;
	for (let i = 0; i < rows.length; i += 200) {
		await db
			.insertInto('seating_seat')
			.values(rows.slice(i, i + 200))
			.execute();
	}
}

export async function deleteSeat(db: Kysely<Database>, tableId: number, seat: number) {
	await db.deleteFrom('seating_seat').where('table_id', '=', tableId).where('seat', '=', seat).execute();
}

export async function insertChanges(db: Kysely<Database>, rows: Insertable<SeatingChangeTable>[]) {
	for (let i = 0; i < rows.length; i += 200) {
		await db
			.insertInto('seating_change')
			.values(rows.slice(i, i + 200))
			.execute();
	}
}
