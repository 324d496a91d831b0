/**
 * Invitations by e-mail (RFC 5546 iTIP). Sending queues one message per person in the outbox, in the
 * same transaction as the change that causes it, so nothing is lost while the SMTP server is away; the
 * outbox worker (mail/outbox.worker.ts) delivers. The event's UID never changes. Every change attendees must
 * see raises its SEQUENCE (events/event.service.ts) and re-sends to everyone invited so far; cancelling
 * sends METHOD:CANCEL; removing a participant sends them a CANCEL.
 */
import type { Kysely } from 'kysely';
import { formatPersonName } from '../../format/names';
import type { AgendaRole } from '../../vocabulary';
import { recordAction, type Actor } from '../audit/audit';
import type { Database, InvitationKind, OutboxMessageStatus } from '../db/schema';
import { NotFound, RuleViolation } from '../errors';
import type { IcalAttendee } from '../ical/ical.calendar';
import { attendeeRoleOf, partstatOf, type CalendarEventRow } from '../ical/ical.event';
import { findCalendarEvent } from '../ical/ical.repository';
import { newMessageId, organizerOf } from '../mail/mail.transport';
import { insertOutboxMessages } from '../mail/outbox.repository';
import { getOutboxPage } from '../mail/outbox.service';
import type { OutboxPage } from '../mail/outbox.view';
import type { PageRequest } from '../pagination';
import { inLocale, officeLocale } from '../i18n/locale';
import type { Locale } from '../../paraglide/runtime.js';
import { invitationMessage } from './invitation.message';
import {
	listAgendaRolesOfParticipants,
	listInvitationRecipients,
	markSequenceSent,
	type RecipientRow
} from './invitation.repository';
import { authorize } from '../auth/authorize';

export interface RecipientView {
	participantId: number;
	personId: number;
	name: string;
	email: string | null;
	/** The language their messages are written in: their own, else the office's. */
	locale: Locale;
	role: IcalAttendee['role'] | null;
	partstat: IcalAttendee['partstat'];
	/** The SEQUENCE last sent to them; null: not invited by e-mail yet. */
	sequenceSent: number | null;
	/** Where the latest message to them stands in the outbox; null: none there. */
	delivery: OutboxMessageStatus | null;
	/** Why no invitation can go to them, or null. */
	cannotSend: string | null;
}

function recipientViews(
	recipients: RecipientRow[],
	roles: { participant_id: number; role: AgendaRole }[]
): RecipientView[] {
	const rolesOf = new Map<number, AgendaRole[]>();
	for (const r of roles) rolesOf.set(r.participant_id, [...(rolesOf.get(r.participant_id) ?? []), r.role]);
	return recipients.map((r) => ({
		participantId: r.id,
		personId: r.person_id,
		name: formatPersonName(r),
		email: r.email,
		locale: r.preferred_locale ?? officeLocale(),
		role: attendeeRoleOf(r.role, rolesOf.get(r.id) ?? []),
		partstat: partstatOf(r.rsvp_status),
		sequenceSent: r.calendar_sequence_sent,
		delivery: r.delivery_status,
		cannotSend: r.email ? null : 'No e-mail address in the directory.'
	}));
}

const asAttendee = (r: RecipientView): IcalAttendee => ({
	name: r.name,
	email: r.email!,
	role: r.role ?? 'REQ-PARTICIPANT',
	partstat: r.partstat,
	rsvp: true
});

/**
 * Everyone with an address is listed to each recipient, except those who have not agreed to show their
 * contact details: they are listed only on their own copy.
 */
function attendeesFor(recipient: RecipientView, everyone: RecipientView[], publicIds: Set<number>) {
	return everyone
		.filter((r) => r.email && (r.participantId === recipient.participantId || publicIds.has(r.participantId)))
		.map(asAttendee);
}

async function loadEventRecipients(db: Kysely<Database>, eventId: number) {
	const [event, recipients, roles] = await Promise.all([
		findCalendarEvent(db, eventId),
		listInvitationRecipients(db, eventId),
		listAgendaRolesOfParticipants(db, eventId)
	]);
	const publicIds = new Set(recipients.filter((r) => r.contact_public === 1).map((r) => r.id));
	return { event, recipients: recipientViews(recipients, roles), publicIds };
}

/** Queues one message of `kind` to each of `targets` and notes the SEQUENCE they now have. */
async function queueMessages(
	tx: Kysely<Database>,
	{
		kind,
		event,
		targets,
		everyone,
		publicIds,
		actor,
		now
	}: {
		kind: InvitationKind;
		event: CalendarEventRow;
		targets: RecipientView[];
		everyone: RecipientView[];
		publicIds: Set<number>;
		actor: Actor;
		now: Date;
	}
) {
	const organizer = organizerOf();
	const at = now.toISOString();
	const rows = targets.map((recipient) => {
		// Written in the recipient's language: the outbox keeps the message as it is sent.
		const message = inLocale(recipient.locale, () =>
			invitationMessage({
				kind,
				event,
				organizer,
				recipient: asAttendee(recipient),
				attendees: attendeesFor(recipient, everyone, publicIds),
				now
			})
		);
		return {
			event_id: event.id,
			person_id: recipient.personId,
			to_address: recipient.email!,
			to_name: recipient.name,
			kind,
			method: message.method,
			sequence: event.ical_sequence,
			subject: message.subject,
			text_body: message.text,
			ics: message.ics,
			message_id: newMessageId(organizer),
			next_attempt_at: at,
			created_by_user_id: actor.userId,
			created_at: at
		};
	});
	await insertOutboxMessages(tx, rows);
	await markSequenceSent(
		tx,
		targets.map((t) => t.participantId),
		event.ical_sequence
	);
	return rows.length;
}

export interface InvitationsPage {
	event: {
		id: number;
		title: string;
		startAt: string;
		endAt: string;
		timeZone: string;
		allDay: boolean;
		status: string;
		sequence: number;
		uid: string;
	};
	recipients: RecipientView[];
	outbox: OutboxPage;
	organizer: { name: string; email: string };
	/** Why nothing can be sent for this event now, or null. */
	closedReason: string | null;
}

function closedReasonOf(event: CalendarEventRow, now: Date): string | null {
	if (event.status === 'cancelled')
		return 'The event is cancelled: its attendees were sent the cancellation.';
	if (Date.parse(event.end_at) <= now.getTime()) return 'The event is over: invitations are no longer sent.';
	return null;
}

export async function findInvitationsPage(
	db: Kysely<Database>,
	eventId: number,
	request: PageRequest,
	now = new Date()
): Promise<InvitationsPage | null> {
	const [{ event, recipients }, outbox] = await Promise.all([
		loadEventRecipients(db, eventId),
		getOutboxPage(db, { eventId }, request)
	]);
	if (!event) return null;
	return {
		event: {
			id: event.id,
			title: event.title,
			startAt: event.start_at,
			endAt: event.end_at,
			timeZone: event.time_zone,
			allDay: event.all_day === 1,
			status: event.status,
			sequence: event.ical_sequence,
			uid: event.ical_uid
		},
		recipients,
		outbox,
		organizer: organizerOf(),
		closedReason: closedReasonOf(event, now)
	};
}

/**
 * Sends the invitation to the chosen participants, or to everyone with an address not invited yet.
 * People without an address are skipped and named. Refused for a cancelled or past event. Audited.
 */
export async function sendInvitations(
	db: Kysely<Database>,
	actor: Actor,
	eventId: number,
	{ participantIds, now = new Date() }: { participantIds?: number[]; now?: Date } = {}
): Promise<{ queued: number; skipped: string[] }> {
	authorize(actor, 'officer');
	return db.transaction().execute(async (tx) => {
		const { event, recipients, publicIds } = await loadEventRecipients(tx, eventId);
		if (!event) throw new NotFound('There is no such event.');
		const closed = closedReasonOf(event, now);
		if (closed) throw new RuleViolation(closed);
		const chosen = participantIds
			? recipients.filter((r) => participantIds.includes(r.participantId))
			: recipients.filter((r) => r.sequenceSent === null);
		if (participantIds && chosen.length !== new Set(participantIds).size) {
			throw new RuleViolation('Some of the people chosen are not participants of this event.');
		}
		const targets = chosen.filter((r) => r.cannotSend === null);
		const skipped = chosen.filter((r) => r.cannotSend !== null).map((r) => `${r.name}: ${r.cannotSend}`);
		if (targets.length === 0) {
			throw new RuleViolation(
				chosen.length === 0
					? 'Everyone with an e-mail address has been invited already.'
					: 'Nobody chosen has an e-mail address.'
			);
		}
		const queued = await queueMessages(tx, {
			kind: 'invitation',
			event,
			targets,
			everyone: recipients,
			publicIds,
			actor,
			now
		});
		await recordAction(tx, actor, {
			action: 'invitation.send',
			entityType: 'event',
			entityId: eventId,
			eventId,
			after: { sequence: event.ical_sequence, to: targets.map((t) => t.email), skipped }
		});
		return { queued, skipped };
	});
}

/** One message to everyone invited by e-mail so far, of the kind `shape` decides, about the event as it says. */
async function queueToEveryoneInvited(
	tx: Kysely<Database>,
	actor: Actor,
	eventId: number,
	now: Date,
	shape: (event: CalendarEventRow) => { kind: InvitationKind; event: CalendarEventRow }
): Promise<number> {
	const { event, recipients, publicIds } = await loadEventRecipients(tx, eventId);
	if (!event) return 0;
	const targets = recipients.filter((r) => r.sequenceSent !== null && r.email);
	if (targets.length === 0) return 0;
	return queueMessages(tx, { ...shape(event), targets, everyone: recipients, publicIds, actor, now });
}

/**
 * After a change that raised the event's SEQUENCE, inside its transaction: an update (or, for a
 * cancelled event, a cancellation) to everyone invited by e-mail so far. Returns how many were queued.
 */
export function queueEventUpdates(tx: Kysely<Database>, actor: Actor, eventId: number, now: Date) {
	return queueToEveryoneInvited(tx, actor, eventId, now, (event) => ({
		kind: event.status === 'cancelled' ? 'cancellation' : 'update',
		event
	}));
}

/**
 * Before an event is deleted, inside that transaction: a cancellation to everyone invited by e-mail,
 * with a SEQUENCE above the last one sent, so calendars remove the entry. The messages outlive the event.
 */
export function queueDeletionCancellations(tx: Kysely<Database>, actor: Actor, eventId: number, now: Date) {
	return queueToEveryoneInvited(tx, actor, eventId, now, (event) => ({
		kind: 'cancellation',
		event: { ...event, status: 'cancelled', ical_sequence: event.ical_sequence + 1 }
	}));
}

/**
 * One message of `kind` about the event as it stands, to one participant (only if invited by e-mail
 * before, when `onlyIfInvited`). False when there is nothing to send them.
 */
async function queueToOne(
	tx: Kysely<Database>,
	actor: Actor,
	{ eventId, participantId, now }: { eventId: number; participantId: number; now: Date },
	kind: InvitationKind,
	onlyIfInvited: boolean
): Promise<boolean> {
	const { event, recipients, publicIds } = await loadEventRecipients(tx, eventId);
	const target = recipients.find((r) => r.participantId === participantId);
	if (!event || !target || !target.email || (onlyIfInvited && target.sequenceSent === null)) return false;
	await queueMessages(tx, { kind, event, targets: [target], everyone: recipients, publicIds, actor, now });
	return true;
}

/** Before a participant invited by e-mail is removed, inside that transaction: their cancellation. */
export function queueParticipantCancellation(
	tx: Kysely<Database>,
	actor: Actor,
	eventId: number,
	participantId: number,
	now: Date
): Promise<boolean> {
	return queueToOne(tx, actor, { eventId, participantId, now }, 'cancellation', true);
}

/**
 * For an attendee's REFRESH (RFC 5546 §3.2.6), inside the transaction that records it: the invitation as
 * it stands now, to them alone, with the current SEQUENCE. False when they have no address.
 */
export function queueInvitationRefresh(
	tx: Kysely<Database>,
	actor: Actor,
	eventId: number,
	participantId: number,
	now: Date
): Promise<boolean> {
	return queueToOne(tx, actor, { eventId, participantId, now }, 'invitation', false);
}
