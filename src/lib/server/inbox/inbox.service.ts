/**
 * Replies by e-mail (RFC 5546 iTIP), as the inbox worker (inbox.worker.ts) reads them from the office's
 * mailbox, and what officers do with them.
 *
 * - A REPLY is matched by UID to the event and by the ATTENDEE's address, case-folded, to a participant
 *   (a delegate's DELEGATED-FROM names the participant they answer for); it sets their answer, dated by
 *   its DTSTAMP, through the same step an officer's recording takes, audited as by e-mail reply.
 * - Nothing changes, and the reason is kept, for an unknown UID, an address not invited, a sender that is
 *   neither the attendee nor their SENT-BY (a spoofed From), a SEQUENCE older than the last invitation
 *   sent to them, or an answer older than the one recorded.
 * - A COUNTER is kept for an officer to accept (the event's time changes through the edit service, so
 *   everyone invited gets the update) or decline (a DECLINECOUNTER goes out through the outbox). A
 *   REFRESH queues the current invitation to the attendee again.
 *
 * Each message is recorded and applied in one transaction, claimed first by its mailbox, UIDVALIDITY and
 * UID (and Message-ID): whichever process gets there second, or a process reading it again after a
 * crash, finds it recorded and changes nothing.
 */
import type { Kysely } from 'kysely';
import { instantToZoned } from '../../format/datetime';
import { formatPersonName } from '../../format/names';
import { m } from '../../paraglide/messages.js';
import type { RsvpStatus } from '../../vocabulary';
import { recordAction, type Actor } from '../audit/audit';
import { authorize } from '../auth/authorize';
import type { Database, InboxMessageTable, InboxOutcome } from '../db/schema';
import { NotFound, RuleViolation } from '../errors';
import { findEventForm } from '../events/event-read.service';
import { EventFormInput } from '../events/event.input';
import { reviseEvent } from '../events/event.service';
import { findCalendarEvent } from '../ical/ical.repository';
import { queueInvitationRefresh } from '../invitations/invitation.service';
import { newMessageId, organizerOf } from '../mail/mail.transport';
import { insertOutboxMessage } from '../mail/outbox.repository';
import { toPage, type PageRequest } from '../pagination';
import { setRsvpInTransaction } from '../participants/participant-rsvp.service';
import { declineCounterMessage } from './inbox.message';
import { listImportedEvents } from './invitation-import.repository';
import {
	claimMarking,
	countInboxByOutcome,
	decideProposal,
	findEventByUid,
	findInboxMessage,
	insertInboxMessage,
	listInboxMessages,
	listParticipantsByAddress,
	listWaitingProposalsOf,
	updateInboxMessage,
	type AddressedParticipant
} from './inbox.repository';
import {
	inboxFilters,
	toInboxView,
	type InboxFilter,
	type InboxMessageView,
	type InboxPage
} from './inbox.view';
import type { ItipAttendee, ItipMessage } from './itip.parse';

/** The iTIP methods an attendee sends the organizer, which the inbox handles; any other is left alone. */
export const ANSWER_METHODS = ['REPLY', 'COUNTER', 'REFRESH'] as const;

const ANSWERS: Record<string, RsvpStatus> = {
	ACCEPTED: 'accepted',
	TENTATIVE: 'tentative',
	DECLINED: 'declined'
};

/** The iTIP methods of a partner's invitation to the office, which waits in the inbox for an officer. */
export const INVITATION_METHODS = ['REQUEST', 'CANCEL'] as const;

/**
 * Whether a calendar is a partner's invitation (or its cancellation) to the office: a REQUEST or CANCEL
 * whose ATTENDEEs include the office's address and whose ORGANIZER is someone else (not a copy of the
 * office's own invitations). Anything else in the mailbox is none of the inbox's business.
 */
export function isInvitationToOffice(itip: ItipMessage, office: string = organizerOf().email): boolean {
	const address = office.toLowerCase();
	return (
		(INVITATION_METHODS as readonly string[]).includes(itip.method) &&
		itip.organizer !== address &&
		itip.attendees.some((a) => a.address === address)
	);
}

/** One message from the mailbox, as the worker read it. */
export interface ReceivedMessage {
	/** The mailbox as IMAP_URL names it, without the password. */
	mailbox: string;
	uidValidity: number;
	uid: number;
	messageId: string | null;
	/** The From address, lower-cased. */
	from: string | null;
	subject: string | null;
	/** The calendar object, or why it could not be read. */
	calendar: ItipMessage | { unreadable: string };
	/** For an invitation: the calendar's text, kept for an officer to import. */
	ics?: string | null;
}

type Decision = Partial<
	Pick<InboxMessageTable, 'event_id' | 'participant_id' | 'attendee_address' | 'partstat'>
> & {
	outcome: InboxOutcome;
	reason?: string | null;
	proposed_start_at?: string | null;
	proposed_end_at?: string | null;
};

const refused = (reason: string, known: Omit<Decision, 'outcome'> = {}): Decision => ({
	...known,
	outcome: 'refused',
	reason
});

/** Who answers, and for whom: the reply's attendee that is a participant, a delegate's by DELEGATED-FROM. */
function matchAttendee(attendees: ItipAttendee[], participants: AddressedParticipant[]) {
	const byAddress = new Map(participants.map((p) => [p.address, p]));
	const matches = attendees.flatMap((attendee) => {
		const participant =
			byAddress.get(attendee.address) ??
			(attendee.delegatedFrom ? byAddress.get(attendee.delegatedFrom) : undefined);
		return participant ? [{ attendee, participant }] : [];
	});
	// A delegator's own line (PARTSTAT=DELEGATED) beside their delegate's: the delegate's answer counts.
	return matches.find((match) => match.attendee.partstat !== 'DELEGATED') ?? matches[0] ?? null;
}

const emailActor = (address: string): Actor => ({
	userId: null,
	label: `${address} by e-mail reply`,
	role: 'system'
});

async function decide(tx: Kysely<Database>, message: ReceivedMessage, itip: ItipMessage, now: Date) {
	if (!itip.uid) return refused('The calendar names no UID.');
	const event = await findEventByUid(tx, itip.uid);
	if (!event) return refused(`No event has the UID ${itip.uid}.`);
	const known = { event_id: event.id };
	if (itip.attendees.length === 0) return refused('The calendar names no ATTENDEE.', known);
	const addresses = [
		...new Set(itip.attendees.flatMap((a) => (a.delegatedFrom ? [a.address, a.delegatedFrom] : [a.address])))
	];
	const match = matchAttendee(itip.attendees, await listParticipantsByAddress(tx, event.id, addresses));
	if (!match) {
		return refused(`${itip.attendees.map((a) => a.address).join(', ')} is not invited to this event.`, known);
	}
	const { attendee, participant } = match;
	const about = {
		...known,
		participant_id: participant.id,
		attendee_address: attendee.address,
		partstat: attendee.partstat
	};
	// The From header is the only sign of who sent it: it must be the attendee or whom they let send.
	const mayHaveSent = [attendee.address, attendee.sentBy].filter(Boolean);
	if (!message.from || !mayHaveSent.includes(message.from)) {
		return refused(
			`Sent from ${message.from ?? 'no address'}, not by ${attendee.address}` +
				`${attendee.sentBy ? ` or ${attendee.sentBy}` : ''}: the answer is not taken.`,
			about
		);
	}
	const sent = participant.calendar_sequence_sent;
	if (itip.method !== 'REFRESH' && sent !== null && itip.sequence < sent) {
		return refused(
			`It answers version ${itip.sequence} of the invitation; version ${sent} was sent since.`,
			about
		);
	}
	const person = formatPersonName(participant);

	if (itip.method !== 'REPLY') {
		if (event.status === 'cancelled') return refused('The event is cancelled.', about);
		if (Date.parse(event.end_at) <= now.getTime()) return refused('The event is over.', about);
	}
	if (itip.method === 'REFRESH') {
		await queueInvitationRefresh(tx, emailActor(attendee.address), event.id, participant.id, now);
		return { ...about, outcome: 'refreshed' as const };
	}

	if (itip.method === 'COUNTER') {
		if (!itip.start || !itip.end || Date.parse(itip.end) <= Date.parse(itip.start)) {
			return refused('The proposal gives no start and end that can be read.', about);
		}
		await recordAction(tx, emailActor(attendee.address), {
			action: 'event.counter_received',
			entityType: 'event',
			entityId: event.id,
			eventId: event.id,
			after: { from: person, start: itip.start, end: itip.end, comment: itip.comment }
		});
		return {
			...about,
			outcome: 'proposed' as const,
			proposed_start_at: itip.start,
			proposed_end_at: itip.end
		};
	}

	const status = ANSWERS[attendee.partstat ?? ''];
	if (!status) return refused(`PARTSTAT ${attendee.partstat ?? '(none)'} is not an answer.`, about);
	if (participant.rsvp_status === 'attended' || participant.rsvp_status === 'no_show') {
		return refused('Whether they came is recorded already.', about);
	}
	// A program whose clock runs ahead would otherwise date the answer after any later one.
	const answeredAt = new Date(
		Math.min(Date.parse(itip.stamp ?? '') || Infinity, now.getTime())
	).toISOString();
	if (participant.responded_at && Date.parse(participant.responded_at) > Date.parse(answeredAt)) {
		return refused(`A later answer is recorded already (${participant.responded_at}).`, about);
	}
	await setRsvpInTransaction(tx, emailActor(attendee.address), participant, status, {
		at: answeredAt,
		action: 'participant.rsvp',
		via: { via: 'e-mail reply', messageId: message.messageId }
	});
	return { ...about, outcome: 'applied' as const };
}

/** A partner's invitation waits for an officer, with the event imported from its UID before, if any. */
async function invitationWaiting(tx: Kysely<Database>, itip: ItipMessage): Promise<Decision> {
	const imported = itip.uid ? await listImportedEvents(tx, itip.uid) : [];
	return { outcome: 'invitation', event_id: imported[0]?.id ?? null };
}

/** How long a process has to mark a message in the mailbox before another may (inbox.worker.ts). */
export const MARKING_LEASE_MS = 60_000;

/**
 * Records one message from the mailbox and applies it, in one transaction. 'handled before' when its key
 * is recorded already. `mark`: whether this process is to mark it in the mailbox now — the one that
 * recorded it, or, when that one has not done so within MARKING_LEASE_MS (it died), the next to look.
 */
export async function applyItipMessage(
	db: Kysely<Database>,
	message: ReceivedMessage,
	now = new Date()
): Promise<{ outcome: InboxOutcome | 'handled before'; mark: boolean }> {
	const markingUntil = new Date(now.getTime() + MARKING_LEASE_MS).toISOString();
	return db.transaction().execute(async (tx) => {
		const itip = 'unreadable' in message.calendar ? null : message.calendar;
		const id = await insertInboxMessage(tx, {
			mailbox: message.mailbox,
			uid_validity: message.uidValidity,
			uid: message.uid,
			message_id: message.messageId,
			from_address: message.from,
			subject: message.subject?.slice(0, 500) ?? null,
			received_at: now.toISOString(),
			method: itip?.method ?? null,
			outcome: 'refused',
			sent_at: itip?.stamp ?? null,
			sequence: itip?.sequence ?? null,
			comment: itip?.comment ?? null,
			marking_until: markingUntil
		});
		if (id === null) {
			const mark = await claimMarking(tx, message, now.toISOString(), markingUntil);
			return { outcome: 'handled before' as const, mark };
		}
		const decision =
			'unreadable' in message.calendar
				? refused(message.calendar.unreadable)
				: isInvitationToOffice(message.calendar)
					? await invitationWaiting(tx, message.calendar)
					: await decide(tx, message, message.calendar, now);
		await updateInboxMessage(tx, id, {
			reason: null,
			...decision,
			ics: decision.outcome === 'invitation' ? (message.ics ?? null) : null
		});
		return { outcome: decision.outcome, mark: true };
	});
}

/** The inbox, newest first, for officers: answers recorded, refused (with why), proposals waiting. */
export async function getInboxPage(
	db: Kysely<Database>,
	actor: Actor,
	filter: InboxFilter,
	request: PageRequest,
	imapConfigured: boolean
): Promise<InboxPage> {
	authorize(actor, 'officer');
	const [rows, counts] = await Promise.all([
		listInboxMessages(db, { outcome: filter }, request),
		countInboxByOutcome(db)
	]);
	const page = toPage(rows, request, (row) => [row.id]);
	const countOf = (outcome: InboxOutcome) => Number(counts.find((c) => c.outcome === outcome)?.n ?? 0);
	return {
		messages: { ...page, items: page.items.map(toInboxView) },
		filter,
		filters: inboxFilters({
			applied: countOf('applied'),
			refused: countOf('refused'),
			proposed: countOf('proposed'),
			waiting: Number(counts.find((c) => c.outcome === 'proposed')?.undecided ?? 0),
			refreshed: countOf('refreshed'),
			invitation: Number(counts.find((c) => c.outcome === 'invitation')?.undecided ?? 0)
		}),
		imapConfigured
	};
}

const PROPOSALS_SHOWN = 20;

/** The new times proposed for an event that wait for an officer; none for a viewer. */
export async function listWaitingProposals(
	db: Kysely<Database>,
	actor: Actor,
	eventId: number
): Promise<{ items: InboxMessageView[]; more: boolean }> {
	if (actor.role === 'viewer') return { items: [], more: false };
	const rows = await listWaitingProposalsOf(db, eventId, PROPOSALS_SHOWN);
	return { items: rows.slice(0, PROPOSALS_SHOWN).map(toInboxView), more: rows.length > PROPOSALS_SHOWN };
}

async function waitingProposalOrFail(db: Kysely<Database>, proposalId: number) {
	const proposal = await findInboxMessage(db, proposalId);
	if (!proposal || proposal.outcome !== 'proposed') throw new NotFound(m.inbox_error_no_proposal());
	if (proposal.decision) {
		throw new RuleViolation(
			proposal.decision === 'accepted'
				? m.inbox_error_proposal_accepted_already()
				: m.inbox_error_proposal_declined_already()
		);
	}
	if (proposal.event_id === null) throw new RuleViolation(m.inbox_error_proposal_event_gone());
	if (!proposal.proposed_start_at || !proposal.proposed_end_at)
		throw new RuleViolation(m.inbox_error_proposal_no_time());
	return {
		...proposal,
		event_id: proposal.event_id,
		start: proposal.proposed_start_at,
		end: proposal.proposed_end_at
	};
}

/**
 * Moves the event to the proposed time through the event's own edit (reviseEvent: clash check, audit,
 * an update to everyone invited), then marks the proposal accepted. A clash is refused with the names:
 * the officer can move the event on its edit form and save it anyway. Returns the event's id.
 */
export async function acceptProposal(
	db: Kysely<Database>,
	actor: Actor,
	proposalId: number,
	now = new Date()
): Promise<number> {
	authorize(actor, 'officer');
	const proposal = await waitingProposalOrFail(db, proposalId);
	const form = await findEventForm(db, proposal.event_id);
	if (!form) throw new NotFound(m.events_page_not_found());
	const zone = form.values.timeZone;
	const values = {
		...form.values,
		start: instantToZoned(proposal.start, zone),
		end: instantToZoned(proposal.end, zone)
	};
	const input = EventFormInput.safeParse(values);
	if (!input.success) {
		const why = input.error.issues[0]?.message ?? '';
		throw new RuleViolation(m.inbox_error_cannot_save({ why }));
	}
	const saved = await reviseEvent(db, actor, proposal.event_id, Number(values.version), input.data, { now });
	if (!saved.saved) {
		const names = saved.clashes.map((c) => c.event.title).join(', ');
		throw new RuleViolation(m.inbox_error_clashes({ names }));
	}
	await db.transaction().execute(async (tx) => {
		const at = now.toISOString();
		if (!(await decideProposal(tx, proposalId, { decision: 'accepted', userId: actor.userId, at }))) {
			throw new RuleViolation(m.inbox_error_decided_meanwhile());
		}
		await recordAction(tx, actor, {
			action: 'event.counter_accepted',
			entityType: 'event',
			entityId: proposal.event_id,
			eventId: proposal.event_id,
			after: { from: proposal.attendee_address, start: proposal.start, end: proposal.end }
		});
	});
	return proposal.event_id;
}

/** Declines a proposed time: a DECLINECOUNTER to whoever proposed it, through the outbox. Audited. */
export async function declineProposal(
	db: Kysely<Database>,
	actor: Actor,
	proposalId: number,
	now = new Date()
): Promise<number> {
	authorize(actor, 'officer');
	return db.transaction().execute(async (tx) => {
		const proposal = await waitingProposalOrFail(tx, proposalId);
		const event = await findCalendarEvent(tx, proposal.event_id);
		if (!event) throw new RuleViolation(m.inbox_error_proposal_event_gone());
		const at = now.toISOString();
		if (!(await decideProposal(tx, proposalId, { decision: 'declined', userId: actor.userId, at }))) {
			throw new RuleViolation(m.inbox_error_decided_meanwhile());
		}
		const address = proposal.attendee_address!;
		const [participant] = await listParticipantsByAddress(tx, event.id, [address]);
		const name = participant ? formatPersonName(participant) : address;
		const organizer = organizerOf();
		const message = declineCounterMessage({
			event,
			organizer,
			recipient: { name, email: address, role: 'REQ-PARTICIPANT', partstat: 'NEEDS-ACTION', rsvp: false },
			now
		});
		await insertOutboxMessage(tx, {
			event_id: event.id,
			person_id: null,
			to_address: address,
			to_name: name,
			kind: 'proposal_declined',
			method: 'DECLINECOUNTER',
			sequence: event.ical_sequence,
			subject: message.subject,
			text_body: message.text,
			ics: message.ics,
			message_id: newMessageId(organizer),
			next_attempt_at: at,
			created_by_user_id: actor.userId,
			created_at: at
		});
		await recordAction(tx, actor, {
			action: 'event.counter_declined',
			entityType: 'event',
			entityId: event.id,
			eventId: event.id,
			after: { to: address, proposedStart: proposal.start, proposedEnd: proposal.end }
		});
		return event.id;
	});
}
