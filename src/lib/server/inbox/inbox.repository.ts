/** The messages read from the office's mailbox, and what matching them needs. Kysely only. */
import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import { pageByKeyset } from '../db/keyset';
import { prepared, type Placeholders } from '../db/prepared';
import type { Database, InboxMessageTable, InboxOutcome } from '../db/schema';
import type { PageRequest } from '../pagination';

/**
 * Claims a message for this transaction: the row goes in unless one with the same mailbox, UIDVALIDITY
 * and UID (or the same Message-ID) is there already. A second process inserting the same key waits for
 * the first's transaction and then inserts nothing. Returns the new id, or null: handled already.
 */
export async function insertInboxMessage(db: Kysely<Database>, row: Insertable<InboxMessageTable>) {
	const inserted = await db
		.insertInto('inbox_message')
		.values(row)
		.onConflict((oc) => oc.doNothing())
		.returning('id')
		.executeTakeFirst();
	return inserted?.id ?? null;
}

export async function updateInboxMessage(
	db: Kysely<Database>,
	id: number,
	changes: Updateable<InboxMessageTable>
) {
	await db.updateTable('inbox_message').set(changes).where('id', '=', id).execute();
}

/**
 * Takes the marking of a message in the mailbox: true when no other process holds it, or its hold has
 * run out (it died before marking). The message is known by its key or its Message-ID.
 */
export async function claimMarking(
	db: Kysely<Database>,
	key: { mailbox: string; uidValidity: number; uid: number; messageId: string | null },
	now: string,
	until: string
): Promise<boolean> {
	const result = await db
		.updateTable('inbox_message')
		.set({ marking_until: until })
		.where((eb) =>
			eb.or([
				eb.and([
					eb('mailbox', '=', key.mailbox),
					eb('uid_validity', '=', key.uidValidity),
					eb('uid', '=', key.uid)
				]),
				...(key.messageId ? [eb('message_id', '=', key.messageId)] : [])
			])
		)
		.where((eb) => eb.or([eb('marking_until', 'is', null), eb('marking_until', '<', now)]))
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/** The event an iTIP message names by UID (event's unique index on ical_uid). */
export async function findEventByUid(db: Kysely<Database>, uid: string) {
	const row = await db
		.selectFrom('event')
		.select(['id', 'title', 'status', 'end_at', 'time_zone', 'ical_sequence'])
		.where('ical_uid', '=', uid)
		.executeTakeFirst();
	return row ?? null;
}

/** The participants of an event whose e-mail address, case-folded, is one of `addresses`. */
export async function listParticipantsByAddress(db: Kysely<Database>, eventId: number, addresses: string[]) {
	if (addresses.length === 0) return [];
	return db
		.selectFrom('event_participant as p')
		.innerJoin('person', 'person.id', 'p.person_id')
		.select([
			'p.id',
			'p.event_id',
			'p.rsvp_status',
			'p.responded_at',
			'p.calendar_sequence_sent',
			'person.honorific',
			'person.given_name',
			'person.family_name',
			(eb) => eb.fn<string>('lower', ['person.email']).as('address')
		])
		.where('p.event_id', '=', eventId)
		.where((eb) => eb(eb.fn('lower', ['person.email']), 'in', addresses))
		.execute();
}

export type AddressedParticipant = Awaited<ReturnType<typeof listParticipantsByAddress>>[number];

const listColumns = [
	'm.id',
	'm.received_at',
	'm.from_address',
	'm.subject',
	'm.method',
	'm.outcome',
	'm.reason',
	'm.event_id',
	'm.participant_id',
	'm.attendee_address',
	'm.partstat',
	'm.sent_at',
	'm.sequence',
	'm.proposed_start_at',
	'm.proposed_end_at',
	'm.comment',
	'm.decision',
	'm.decided_at',
	'event.title as event_title',
	'event.time_zone as event_time_zone',
	'event.start_at as event_start_at',
	'event.end_at as event_end_at',
	'person.honorific',
	'person.given_name',
	'person.family_name'
] as const;

function listQuery(db: Kysely<Database>) {
	return db
		.selectFrom('inbox_message as m')
		.leftJoin('event', 'event.id', 'm.event_id')
		.leftJoin('event_participant as p', 'p.id', 'm.participant_id')
		.leftJoin('person', 'person.id', 'p.person_id')
		.select(listColumns);
}

/**
 * Newest first, in keyset order of id; one outcome along inbox_message_outcome_idx, or 'waiting': the
 * proposals no officer has decided yet ('invitation': likewise the invitations). Fetches limit + 1.
 */
export async function listInboxMessages(
	db: Kysely<Database>,
	filter: { outcome: InboxOutcome | 'waiting' | null },
	page: PageRequest
) {
	let query = listQuery(db);
	if (filter.outcome === 'waiting') {
		query = query.where('m.outcome', '=', 'proposed').where('m.decision', 'is', null);
	} else if (filter.outcome === 'invitation') {
		// Invitations waiting: those an officer has not imported or set aside yet.
		query = query.where('m.outcome', '=', 'invitation').where('m.decision', 'is', null);
	} else if (filter.outcome) {
		query = query.where('m.outcome', '=', filter.outcome);
	}
	return pageByKeyset(query, page, { key: ['m.id'], order: 'desc' }).execute();
}

export type InboxListRow = Awaited<ReturnType<typeof listInboxMessages>>[number];

/** The proposals of new times for an event that wait for an officer, oldest first (inbox_message_event_idx). */
export async function listWaitingProposalsOf(db: Kysely<Database>, eventId: number, limit: number) {
	return waitingProposalsOf(db, { eventId, limit: limit + 1 });
}

const waitingProposalsOf = prepared((db, p: Placeholders<{ eventId: number; limit: number }>) =>
	listQuery(db)
		.where('m.event_id', '=', p.eventId)
		.where('m.outcome', '=', 'proposed')
		.where('m.decision', 'is', null)
		.orderBy('m.id')
		.limit(p.limit)
);

export async function countInboxByOutcome(db: Kysely<Database>) {
	return db
		.selectFrom('inbox_message')
		.select((eb) => [
			'outcome',
			eb.fn.countAll<number>().as('n'),
			eb.fn.sum<number>(sql`case when decision is null then 1 else 0 end`).as('undecided')
		])
		.groupBy('outcome')
		.execute();
}

export async function findInboxMessage(db: Kysely<Database>, id: number) {
	const row = await db.selectFrom('inbox_message').selectAll().where('id', '=', id).executeTakeFirst();
	return row ?? null;
}

/** Records an officer's decision on a proposal no one has decided yet; false when someone has. */
export async function decideProposal(
	db: Kysely<Database>,
	id: number,
	decision: { decision: 'accepted' | 'declined'; userId: number | null; at: string }
): Promise<boolean> {
	const result = await db
		.updateTable('inbox_message')
		.set({ decision: decision.decision, decided_by_user_id: decision.userId, decided_at: decision.at })
		.where('id', '=', id)
		.where('outcome', '=', 'proposed')
		.where('decision', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}
