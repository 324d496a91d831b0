/** Who an event's invitations go to, and the SEQUENCE each was last sent. Kysely only. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/**
 * The participants of an event with what an invitation needs of each, and the outbox's status of the
 * latest message to each, in the order they were invited.
 */
export async function listInvitationRecipients(db: Kysely<Database>, eventId: number) {
	return db
		.selectFrom('event_participant as ep')
		.innerJoin('person', 'person.id', 'ep.person_id')
		.select([
			'ep.id',
			'ep.person_id',
			'ep.role',
			'ep.rsvp_status',
			'ep.calendar_sequence_sent',
			'person.honorific',
			'person.given_name',
			'person.family_name',
			'person.email',
			'person.contact_public',
			'person.preferred_locale',
			// What became of the latest message to them about this event (outbox_message_event_idx).
			(eb) =>
				eb
					.selectFrom('outbox_message as om')
					.select('om.status')
					.whereRef('om.event_id', '=', 'ep.event_id')
					.whereRef('om.person_id', '=', 'ep.person_id')
					.orderBy('om.id', 'desc')
					.limit(1)
					.as('delivery_status')
		])
		.where('ep.event_id', '=', eventId)
		.orderBy('ep.id')
		.execute();
}

export type RecipientRow = Awaited<ReturnType<typeof listInvitationRecipients>>[number];

/** The roles each participant has on the event's agenda, for CHAIR. */
export async function listAgendaRolesOfParticipants(db: Kysely<Database>, eventId: number) {
	return db
		.selectFrom('agenda_item_role as r')
		.innerJoin('agenda_item as i', 'i.id', 'r.agenda_item_id')
		.select(['r.participant_id', 'r.role'])
		.where('i.event_id', '=', eventId)
		.execute();
}

export async function markSequenceSent(db: Kysely<Database>, participantIds: number[], sequence: number) {
	if (participantIds.length === 0) return;
	await db
		.updateTable('event_participant')
		.set({ calendar_sequence_sent: sequence })
		.where('id', 'in', participantIds)
		.execute();
}
