/** Queries over what guests need at an event (officers only): one guest's needs, and everyone's at once. */
import type { Insertable, Kysely } from 'kysely';
import type { DietaryRequirement } from '../../vocabulary';
import type { Database, ParticipantNeedsTable } from '../db/schema';
import {
	inPrecedenceOrder,
	participantsOf,
	personAtEventColumns
} from '../participants/participant.repository';

/** One participant of the event, as named there, with their needs if any were recorded. */
export async function findParticipantWithNeeds(db: Kysely<Database>, eventId: number, participantId: number) {
	const row = await participantsOf(db, eventId)
		.leftJoin('participant_needs as n', 'n.participant_id', 'p.id')
		.select([
			'p.id',
			'p.role',
			'p.rsvp_status',
			...personAtEventColumns,
			'n.participant_id as needs_id',
			'n.dietary_note',
			'n.accessibility',
			'n.interpretation_language',
			'n.security_note',
			'n.version'
		])
		.where('p.id', '=', participantId)
		.executeTakeFirst();
	return row ?? null;
}

export type ParticipantWithNeedsRow = NonNullable<Awaited<ReturnType<typeof findParticipantWithNeeds>>>;

/**
 * The participants of an event who have needs recorded, in order of precedence, with their answer: at
 * most `limit` + 1 (a protocol list is bounded; see PRINT_LIMIT).
 */
export async function listNeedsOfEvent(db: Kysely<Database>, eventId: number, limit: number) {
	return inPrecedenceOrder(
		participantsOf(db, eventId)
			.innerJoin('participant_needs as n', 'n.participant_id', 'p.id')
			.select([
				'p.id',
				'p.role',
				'p.rsvp_status',
				...personAtEventColumns,
				'n.dietary_note',
				'n.accessibility',
				'n.interpretation_language',
				'n.security_note'
			])
	)
		.limit(limit + 1)
		.execute();
}

export type NeedsOfEventRow = Awaited<ReturnType<typeof listNeedsOfEvent>>[number];

/** The dietary requirements of these participants. */
export async function listDiets(db: Kysely<Database>, participantIds: number[]) {
	if (participantIds.length === 0) return [];
	return db
		.selectFrom('participant_diet')
		.select(['participant_id', 'requirement'])
		.where('participant_id', 'in', participantIds)
		.orderBy('participant_id')
		.orderBy('requirement')
		.execute();
}

/** How many participants of the event gave each answer. */
export async function countAnswers(db: Kysely<Database>, eventId: number) {
	return db
		.selectFrom('event_participant')
		.select(['rsvp_status', (eb) => eb.fn.countAll<number>().as('n')])
		.where('event_id', '=', eventId)
		.groupBy('rsvp_status')
		.execute();
}

export async function insertNeeds(db: Kysely<Database>, values: Insertable<ParticipantNeedsTable>) {
	await db.insertInto('participant_needs').values(values).execute();
}

/** Saves the needs if they are still at `version`; false when someone saved in between. */
export async function updateNeedsAtVersion(
	db: Kysely<Database>,
	participantId: number,
	version: number,
	values: Omit<Insertable<ParticipantNeedsTable>, 'participant_id' | 'version'>
): Promise<boolean> {
	const result = await db
		.updateTable('participant_needs')
		.set((eb) => ({ ...values, version: eb('version', '+', 1) }))
		.where('participant_id', '=', participantId)
		.where('version', '=', version)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/** Takes the needs away altogether (its dietary rows go with them), if still at `version`. */
export async function deleteNeedsAtVersion(db: Kysely<Database>, participantId: number, version: number) {
	const result = await db
		.deleteFrom('participant_needs')
		.where('participant_id', '=', participantId)
		.where('version', '=', version)
		.executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}

export async function replaceDiet(
	db: Kysely<Database>,
	participantId: number,
	requirements: readonly DietaryRequirement[]
) {
	await db.deleteFrom('participant_diet').where('participant_id', '=', participantId).execute();
	if (requirements.length === 0) return;
	await db
		.insertInto('participant_diet')
		.values(requirements.map((requirement) => ({ participant_id: participantId, requirement })))
		.execute();
}
