/**
 * Queries for merging two people and deleting one: what names a person, counted; every such row moved
 * to another person; the redirect from a merged person's old id. Kysely only: no rules, no HTTP.
 */
import { sql, type Kysely } from 'kysely';
import type { Database, EventParticipantTable } from '../db/schema';
import type { Updateable } from 'kysely';

/**
 * Every column that names a person, but for event_participant (whose one row per event and person needs
 * care when both attended) and the redirects (moved on their own). A table that refers to person must be
 * listed here: tests/integration/person-merge.test.ts compares this list with the schema's foreign keys.
 */
export const PERSON_REFERENCES = [
	{ table: 'outcome', column: 'owner_person_id', kind: 'outcomes' },
	{ table: 'correspondence', column: 'signatory_person_id', kind: 'lettersSigned' },
	{ table: 'correspondence', column: 'addressee_person_id', kind: 'lettersAddressed' },
	{ table: 'user_account', column: 'person_id', kind: 'userAccounts' },
	{ table: 'personal_link', column: 'person_id', kind: 'personalLinks' },
	{ table: 'calendar_feed', column: 'person_id', kind: 'feeds' },
	{ table: 'outbox_message', column: 'person_id', kind: 'messages' },
	{ table: 'person_position', column: 'person_id', kind: 'positions' },
	{ table: 'project', column: 'focal_person_id', kind: 'projectsFocal' },
	{ table: 'gift', column: 'giver_person_id', kind: 'giftsGiven' },
	{ table: 'gift', column: 'recipient_person_id', kind: 'giftsReceived' },
	{ table: 'visit_member', column: 'person_id', kind: 'visits' },
	{ table: 'visit_item_person', column: 'person_id', kind: 'visitItems' }
] as const;

export type ReferenceKind = (typeof PERSON_REFERENCES)[number]['kind'] | 'participations' | 'agendaRoles';
export type ReferenceCounts = Record<ReferenceKind, number>;

/** How many rows of each kind name the person, in one query (each count through its column's index). */
export async function countPersonReferences(
	db: Kysely<Database>,
	personId: number
): Promise<ReferenceCounts> {
	const counts = [
		sql`(select count(*) from event_participant where person_id = ${personId}) as participations`,
		sql`(select count(*) from agenda_item_role r join event_participant p on p.id = r.participant_id
			where p.person_id = ${personId}) as ${sql.ref('agendaRoles')}`,
		...PERSON_REFERENCES.map(
			(r) =>
				sql`(select count(*) from ${sql.table(r.table)} where ${sql.ref(r.column)} = ${personId}) as ${sql.ref(r.kind)}`
		)
	];
	const { rows } = await sql<Record<ReferenceKind, number | string>>`select ${sql.join(counts)}`.execute(db);
	const row = rows[0]!;
	return Object.fromEntries(Object.entries(row).map(([kind, n]) => [kind, Number(n)])) as ReferenceCounts;
}

/**
 * Where both people are in the same visiting delegation, or named by the same item of its programme,
 * the one merged away leaves it first: the kept person's row stands for both (one row a visit and person).
 */
export async function dropSharedVisitRows(db: Kysely<Database>, fromPersonId: number, toPersonId: number) {
	await db
		.deleteFrom('visit_member')
		.where('person_id', '=', fromPersonId)
		.where(
			'visit_id',
			'in',
			db.selectFrom('visit_member').select('visit_id').where('person_id', '=', toPersonId)
		)
		.execute();
	await db
		.deleteFrom('visit_item_person')
		.where('person_id', '=', fromPersonId)
		.where(
			'item_id',
			'in',
			db.selectFrom('visit_item_person').select('item_id').where('person_id', '=', toPersonId)
		)
		.execute();
}

/** Points every row of one reference from one person to another; returns how many it moved. */
export async function repointReference(
	db: Kysely<Database>,
	reference: (typeof PERSON_REFERENCES)[number],
	fromPersonId: number,
	toPersonId: number
): Promise<number> {
	const result =
		await sql`update ${sql.table(reference.table)} set ${sql.ref(reference.column)} = ${toPersonId}
		where ${sql.ref(reference.column)} = ${fromPersonId}`.execute(db);
	return Number(result.numAffectedRows ?? 0);
}

/** Both people's participations, every column, for finding the events both took part in. */
export async function listParticipationsOfPeople(db: Kysely<Database>, personIds: number[]) {
	return db.selectFrom('event_participant').selectAll().where('person_id', 'in', personIds).execute();
}

export type ParticipationRow = Awaited<ReturnType<typeof listParticipationsOfPeople>>[number];

/**
 * Gives one participation the agenda roles of another at the same event that it does not have yet;
 * returns how many it gained. The other's roles go when it is deleted.
 */
export async function copyMissingAgendaRoles(
	db: Kysely<Database>,
	fromParticipantId: number,
	toParticipantId: number
): Promise<number> {
	const result = await db
		.insertInto('agenda_item_role')
		.columns(['agenda_item_id', 'participant_id', 'role', 'position'])
		.expression((eb) =>
			eb
				.selectFrom('agenda_item_role as r')
				.select(['r.agenda_item_id', sql.lit(toParticipantId).as('participant_id'), 'r.role', 'r.position'])
				.where('r.participant_id', '=', fromParticipantId)
				.where(({ not, exists, selectFrom }) =>
					not(
						exists(
							selectFrom('agenda_item_role as k')
								.select('k.participant_id')
								.whereRef('k.agenda_item_id', '=', 'r.agenda_item_id')
								.whereRef('k.role', '=', 'r.role')
								.where('k.participant_id', '=', toParticipantId)
						)
					)
				)
		)
		.executeTakeFirst();
	return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export async function updateParticipation(
	db: Kysely<Database>,
	participantId: number,
	changes: Updateable<EventParticipantTable>
) {
	await db.updateTable('event_participant').set(changes).where('id', '=', participantId).execute();
}

/**
 * Gives one participation the seats (and seating history) of another at the same event, before that one
 * is deleted: a guest seated twice is then the plan's warning to resolve, never a seat silently lost.
 * Returns how many seats moved.
 */
export async function moveSeats(
	db: Kysely<Database>,
	fromParticipantId: number,
	toParticipantId: number
): Promise<number> {
	const result = await db
		.updateTable('seating_seat')
		.set({ participant_id: toParticipantId })
		.where('participant_id', '=', fromParticipantId)
		.executeTakeFirst();
	await db
		.updateTable('seating_change')
		.set({ participant_id: toParticipantId })
		.where('participant_id', '=', fromParticipantId)
		.execute();
	return Number(result.numUpdatedRows);
}

export async function deleteParticipations(db: Kysely<Database>, participantIds: number[]) {
	if (participantIds.length === 0) return;
	await db.deleteFrom('event_participant').where('id', 'in', participantIds).execute();
}

/** Moves every participation of one person to another (none of them at an event the other attends). */
export async function repointParticipations(
	db: Kysely<Database>,
	fromPersonId: number,
	toPersonId: number,
	now: string
): Promise<number> {
	const result = await db
		.updateTable('event_participant')
		.set({ person_id: toPersonId, updated_at: now })
		.where('person_id', '=', fromPersonId)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}

/** The redirects that led to one person lead to another; returns how many. */
export async function repointRedirects(db: Kysely<Database>, fromPersonId: number, toPersonId: number) {
	const result = await db
		.updateTable('person_redirect')
		.set({ person_id: toPersonId })
		.where('person_id', '=', fromPersonId)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}

export async function insertRedirect(
	db: Kysely<Database>,
	values: { merged_person_id: number; person_id: number; name: string; merged_at: string }
) {
	await db
		.insertInto('person_redirect')
		.values(values)
		.onConflict((oc) =>
			oc.column('merged_person_id').doUpdateSet({
				person_id: values.person_id,
				name: values.name,
				merged_at: values.merged_at
			})
		)
		.execute();
}

/**
 * Forgets where an id used to lead. SQLite gives a new row the highest id again once that row is gone, so
 * a person added after the last one was merged away may carry its id: the old redirect is not theirs.
 */
export async function deleteRedirectFrom(db: Kysely<Database>, personId: number) {
	await db.deleteFrom('person_redirect').where('merged_person_id', '=', personId).execute();
}

/** Where a merged person's old id leads, or null. */
export async function findRedirect(db: Kysely<Database>, mergedPersonId: number) {
	const row = await db
		.selectFrom('person_redirect')
		.select(['person_id'])
		.where('merged_person_id', '=', mergedPersonId)
		.executeTakeFirst();
	return row ?? null;
}

/** The records merged into a person: the names they had, latest first. */
export async function listRedirectsTo(db: Kysely<Database>, personId: number, limit: number) {
	return db
		.selectFrom('person_redirect')
		.select(['merged_person_id', 'name', 'merged_at'])
		.where('person_id', '=', personId)
		.orderBy('merged_at', 'desc')
		.orderBy('merged_person_id', 'desc')
		.limit(limit)
		.execute();
}

/** Removes the person's own row; what named them must be gone or moved before. */
export async function deletePersonRow(db: Kysely<Database>, personId: number, version: number) {
	const result = await db
		.deleteFrom('person')
		.where('id', '=', personId)
		.where('version', '=', version)
		.executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}
