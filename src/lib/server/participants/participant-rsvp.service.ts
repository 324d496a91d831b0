/**
 * Answers and attendance, recorded by an officer on a participant's behalf: an RSVP given by phone or
 * by letter, and on the day whether they came. Each in one transaction with its audit entry. An answer
 * e-mailed by the attendee's calendar program takes the same step (setRsvpInTransaction, from inbox/).
 */
import type { Kysely } from 'kysely';
import { recordAction, type Actor } from '../audit/audit';
import type { Database } from '../db/schema';
import type { RsvpStatus } from '../../vocabulary';
import { formatPersonName, type NameParts } from '../../format/names';
import { updateParticipant, type ParticipantRow } from './participant.repository';
import { participantOrFail } from './participant.shared';
import { authorize } from '../auth/authorize';

async function setRsvp(
	db: Kysely<Database>,
	actor: Actor,
	eventId: number,
	participantId: number,
	status: RsvpStatus,
	action: string
): Promise<void> {
	authorize(actor, 'officer');
	await db.transaction().execute(async (tx) => {
		const participant = await participantOrFail(tx, eventId, participantId);
		await setRsvpInTransaction(tx, actor, participant, status, { at: new Date().toISOString(), action });
	});
}

/**
 * Inside a write that has checked its actor: sets the participant's answer or attendance, with its
 * audit entry. An answer is dated `at` (when it was given); attendance keeps the date of the answer
 * given before. `via` says how the answer came (an e-mail reply), for the audit trail.
 */
export async function setRsvpInTransaction(
	tx: Kysely<Database>,
	actor: Actor,
	participant: Pick<ParticipantRow, 'id' | 'event_id' | 'rsvp_status' | 'responded_at'> & NameParts,
	status: RsvpStatus,
	{ at, action, via }: { at: string; action: string; via?: Record<string, unknown> }
): Promise<void> {
	const attendance = status === 'attended' || status === 'no_show';
	const respondedAt = attendance ? participant.responded_at : status === 'invited' ? null : at;
	await updateParticipant(tx, participant.id, {
		rsvp_status: status,
		responded_at: respondedAt,
		updated_at: new Date().toISOString()
	});
	await recordAction(tx, actor, {
		action,
		entityType: 'event_participant',
		entityId: participant.id,
		eventId: participant.event_id,
		before: { rsvp: participant.rsvp_status, respondedAt: participant.responded_at },
		after: { rsvp: status, respondedAt, onBehalfOf: formatPersonName(participant), ...via }
	});
}

/** Records an answer given by phone, by letter …, on the participant's behalf, dated now. */
export function recordRsvp(
	db: Kysely<Database>,
	actor: Actor,
	eventId: number,
	participantId: number,
	status: 'invited' | 'accepted' | 'tentative' | 'declined'
): Promise<void> {
	return setRsvp(db, actor, eventId, participantId, status, 'participant.rsvp');
}

/** On the day: they came, or they did not. */
export function markAttendance(
	db: Kysely<Database>,
	actor: Actor,
	eventId: number,
	participantId: number,
	status: 'attended' | 'no_show'
): Promise<void> {
	return setRsvp(db, actor, eventId, participantId, status, 'participant.attendance');
}
