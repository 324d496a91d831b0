/**
 * What the participant services share, and nothing else imports: the steps that load the event, a
 * participant or a side or refuse, the check for other bookings at the same time, and the row an
 * invitation writes, whichever way the person was invited.
 */
import { m } from '../../paraglide/messages.js';
import type { Kysely, Transaction } from 'kysely';
import { listClashes, type ClashView } from '../clashes/clash.service';
import type { Database, NewParticipant } from '../db/schema';
import { NotFound, RuleViolation } from '../errors';
import { findEvent, type EventDetailRow } from '../events/event.repository';
import type { ParticipantRole } from '../../vocabulary';
import { findDelegation, findParticipant, type ParticipantRow } from './participant.repository';

export type Db = Kysely<Database> | Transaction<Database>;

export async function eventOrFail(db: Db, eventId: number): Promise<EventDetailRow> {
	const event = await findEvent(db, eventId);
	if (!event) throw new NotFound(m.participants_error_no_such_event());
	return event;
}

export async function participantOrFail(
	db: Db,
	eventId: number,
	participantId: number
): Promise<ParticipantRow> {
	const participant = await findParticipant(db, participantId);
	if (!participant || participant.event_id !== eventId) {
		throw new NotFound(m.participants_error_not_a_participant());
	}
	return participant;
}

export async function delegationOrFail(
	db: Db,
	eventId: number,
	delegationId: number,
	field = 'delegationId'
) {
	const delegation = await findDelegation(db, delegationId);
	if (!delegation || delegation.event_id !== eventId) {
		throw new RuleViolation(m.participants_error_side_elsewhere(), {
			[field]: m.participants_error_side()
		});
	}
	return delegation;
}

/** Other events, not cancelled, that these people are booked at during this one. */
export async function clashesFor(db: Db, event: EventDetailRow, personIds: number[]): Promise<ClashView[]> {
	if (event.status === 'cancelled' || personIds.length === 0) return [];
	return listClashes(db, {
		startAt: event.start_at,
		endAt: event.end_at,
		personIds,
		exceptEventId: event.id
	});
}

export interface Placement {
	role: ParticipantRole;
	delegationId: number | null;
	clashOverride: boolean;
}

export function participantValues(
	eventId: number,
	person: {
		id: number;
		position: string | null;
		rank: string | null;
		organization_id: number | null;
	},
	placement: Placement,
	now: string
): NewParticipant {
	return {
		event_id: eventId,
		person_id: person.id,
		role: placement.role,
		delegation_id: placement.delegationId,
		// Titles as they stand now are kept for the event: people move on, the record must not.
		position_at_event: person.position,
		rank_at_event: person.rank,
		organization_id: person.organization_id,
		rsvp_status: 'invited',
		invited_at: now,
		created_at: now,
		updated_at: now
	};
}
