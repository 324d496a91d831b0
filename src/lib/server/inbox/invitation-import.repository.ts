/** What importing a partner's invitation reads and writes beyond the events' own repository. Kysely only. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** Every event imported from the partner's calendar object `uid` (event_import_key), occurrences in order. */
export async function listImportedEvents(db: Kysely<Database>, uid: string) {
	return db
		.selectFrom('event')
		.select([
			'id',
			'version',
			'title',
			'description',
			'start_at',
			'end_at',
			'time_zone',
			'status',
			'venue_id',
			'online_url',
			'series_id',
			'import_occurrence',
			'import_sequence'
		])
		.where('import_uid', '=', uid)
		.orderBy('import_occurrence')
		.execute();
}

export type ImportedEventRow = Awaited<ReturnType<typeof listImportedEvents>>[number];

/** The people of the directory with these addresses, case-folded (person_email_idx). */
export async function listPeopleByAddresses(db: Kysely<Database>, addresses: string[]) {
	if (addresses.length === 0) return [];
	return db
		.selectFrom('person')
		.select([
			'id',
			'honorific',
			'given_name',
			'family_name',
			(eb) => eb.fn<string>('lower', ['email']).as('address')
		])
		.where((eb) => eb(eb.fn('lower', ['email']), 'in', addresses))
		.orderBy('id')
		.execute();
}

/** The first venue named exactly (case-folded) one of `names`. */
export async function findVenueNamed(db: Kysely<Database>, names: string[]) {
	if (names.length === 0) return null;
	const row = await db
		.selectFrom('venue')
		.select(['id', 'name', 'city', 'time_zone'])
		.where((eb) => eb(eb.fn('lower', ['name']), 'in', names))
		.orderBy('id')
		.executeTakeFirst();
	return row ?? null;
}

/** Which of these people take part in the event already. */
export async function listParticipantPersonIds(db: Kysely<Database>, eventId: number, personIds: number[]) {
	if (personIds.length === 0) return new Set<number>();
	const rows = await db
		.selectFrom('event_participant')
		.select('person_id')
		.where('event_id', '=', eventId)
		.where('person_id', 'in', personIds)
		.execute();
	return new Set(rows.map((r) => r.person_id));
}

/** An invitation recorded from the mailbox, by its id; null when there is none. */
export async function findWaitingInvitation(db: Kysely<Database>, id: number) {
	const row = await db
		.selectFrom('inbox_message')
		.select(['id', 'received_at', 'from_address', 'subject', 'method', 'ics', 'decision', 'event_id'])
		.where('id', '=', id)
		.where('outcome', '=', 'invitation')
		.executeTakeFirst();
	return row ?? null;
}

/** Marks an invitation imported (accepted) or set aside (declined), once; false when someone has. */
export async function decideInvitation(
	db: Kysely<Database>,
	id: number,
	decision: { decision: 'accepted' | 'declined'; eventId: number | null; userId: number | null; at: string }
): Promise<boolean> {
	const result = await db
		.updateTable('inbox_message')
		.set({
			decision: decision.decision,
			event_id: decision.eventId,
			decided_by_user_id: decision.userId,
			decided_at: decision.at
		})
		.where('id', '=', id)
		.where('outcome', '=', 'invitation')
		.where('decision', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}
