/**
 * Answers and attendance, recorded by an officer on a participant's behalf: an RSVP given by phone or
 * by letter, and on the day whether they came. Each in one transaction with its audit entry.
 */
import type { Kysely } from 'kysely';
import { recordAction, type Actor } from '../audit/audit';
import type { Database } from '../db/schema';
import type { RsvpStatus } from '../../vocabulary';
import { formatPersonName } from '../../format/names';
import { updateParticipant } from './participant.repository';
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
		const now = new Date().toISOString();
		const attendance = status === 'attended' || status === 'no_show';
		// An answer is dated when it is recorded; attendance keeps the date of the answer given before.
		const respondedAt = attendance ? participant.responded_at : status === 'invited' ? null : now;
		await updateParticipant(tx, participantId, {
			rsvp_status: status,
			responded_at: respondedAt,
			updated_at: now
		});
		await recordAction(tx, actor, {
			action,
			entityType: 'event_participant',
			entityId: participantId,
			eventId,
			before: { rsvp: participant.rsvp_status, respondedAt: participant.responded_at },
			after: { rsvp: status, respondedAt, onBehalfOf: formatPersonName(participant) }
		});
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
