/**
 * Personal links: a speaker or guest without an account opens their own programme and answers their
 * invitations through a link "<id>.<secret>" an officer gave them. As with sessions, only SHA-256 of the
 * secret is stored; the token itself is shown to the officer once and kept nowhere.
 */
import type { Kysely } from 'kysely';
import { formatPersonName } from '../../format/names';
import { recordAction, type Actor } from '../audit/audit';
import { issueToken, secretMatches, splitToken } from '../auth/tokens';
import type { Database } from '../db/schema';
import { NotFound, RuleViolation } from '../errors';
import { m } from '../../paraglide/messages.js';
import { PERSONAL_LINK_MAX_DAYS, type RsvpAnswer } from './personal-link.input';
import {
	findLatestPersonalLink,
	findParticipation,
	findPersonalLink,
	findPersonName,
	insertPersonalLink,
	listAgendaItemsOfEvents,
	listAgendaRolesOfEvents,
	listEventsOfPerson,
	revokeLivePersonalLinks,
	touchPersonalLink,
	updateParticipantRsvp
} from './personal-link.repository';
import {
	canAnswer,
	toPersonalAgendaView,
	toPersonalLinkStatus,
	type PersonalAgendaView,
	type PersonalLinkStatus
} from './personal-link.view';
import { authorize } from '../auth/authorize';

const DAY_MS = 24 * 60 * 60 * 1000;
/** last_used_at is news for the officer, not a log: one write a minute at most per link. */
const TOUCH_AFTER_MS = 60 * 1000;
/** Events shown on a personal programme: what is coming, then the most recent past. */
export const PERSONAL_AGENDA_LIMIT = 50;

const NO_SUCH_PERSON = 'There is no such person.';

/**
 * Gives the person a new link valid for `validDays` days. Their earlier live links stop working: a person
 * has one live link at a time. Returns the token, which exists nowhere else from then on.
 */
export async function issuePersonalLink(
	db: Kysely<Database>,
	actor: Actor,
	personId: number,
	{ validDays = 90, now = new Date() }: { validDays?: number; now?: Date } = {}
): Promise<{ token: string; expiresAt: string }> {
	authorize(actor, 'officer');
	if (!Number.isInteger(validDays) || validDays < 1 || validDays > PERSONAL_LINK_MAX_DAYS) {
		throw new RuleViolation(m.link_error_valid_days({ max: PERSONAL_LINK_MAX_DAYS }), {
			validDays: m.link_error_valid_days_field({ max: PERSONAL_LINK_MAX_DAYS })
		});
	}
	const at = now.toISOString();
	const expiresAt = new Date(now.getTime() + validDays * DAY_MS).toISOString();
	const { id, secretHash, token } = issueToken();
	await db.transaction().execute(async (tx) => {
		if (!(await findPersonName(tx, personId))) throw new NotFound(NO_SUCH_PERSON);
		const revoked = await revokeLivePersonalLinks(tx, personId, at);
		await insertPersonalLink(tx, {
			id,
			person_id: personId,
			secret_hash: secretHash,
			created_by_user_id: actor.userId,
			created_at: at,
			expires_at: expiresAt
		});
		await recordAction(tx, actor, {
			action: 'personal_link.issue',
			entityType: 'person',
			entityId: personId,
			after: { expiresAt, validDays, earlierLinksRevoked: revoked }
		});
	});
	return { token, expiresAt };
}

/** Ends every live link of the person; returns how many there were. */
export async function revokePersonalLinks(
	db: Kysely<Database>,
	actor: Actor,
	personId: number,
	now = new Date()
): Promise<number> {
	authorize(actor, 'officer');
	return db.transaction().execute(async (tx) => {
		if (!(await findPersonName(tx, personId))) throw new NotFound(NO_SUCH_PERSON);
		const revoked = await revokeLivePersonalLinks(tx, personId, now.toISOString());
		await recordAction(tx, actor, {
			action: 'personal_link.revoke',
			entityType: 'person',
			entityId: personId,
			after: { revoked }
		});
		return revoked;
	});
}

/** The person's latest link for the officer's panel, or null when none was ever issued. */
export async function findPersonalLinkStatus(
	db: Kysely<Database>,
	personId: number,
	now = new Date()
): Promise<PersonalLinkStatus | null> {
	const row = await findLatestPersonalLink(db, personId);
	return row ? toPersonalLinkStatus(row, now) : null;
}

/**
 * The link a token opens, or null when the token is malformed, unknown, has the wrong secret, or the
 * link is revoked or expired. Notes when it was last used, at most once a minute.
 */
export async function resolvePersonalLink(
	db: Kysely<Database>,
	token: string,
	now = new Date()
): Promise<{ linkId: string; personId: number } | null> {
	const parts = splitToken(token);
	if (!parts) return null;
	const link = await findPersonalLink(db, parts.id);
	if (!link || !secretMatches(parts.secret, link.secret_hash)) return null;
	if (link.revoked_at !== null || Date.parse(link.expires_at) <= now.getTime()) return null;
	if (link.last_used_at === null || now.getTime() - Date.parse(link.last_used_at) >= TOUCH_AFTER_MS) {
		await touchPersonalLink(db, link.id, now.toISOString());
	}
	return { linkId: link.id, personId: link.person_id };
}

/**
 * The person's programme: every event they take part in (drafts aside; upcoming first, then recent
 * past; at most PERSONAL_AGENDA_LIMIT) with their participation and the agenda, their own items marked.
 * Four queries whatever the number of events; null when there is no such person.
 */
export async function findPersonalAgenda(
	db: Kysely<Database>,
	personId: number,
	now = new Date()
): Promise<PersonalAgendaView | null> {
	const person = await findPersonName(db, personId);
	if (!person) return null;
	const rows = await listEventsOfPerson(db, personId, now.toISOString(), PERSONAL_AGENDA_LIMIT + 1);
	const events = rows.slice(0, PERSONAL_AGENDA_LIMIT);
	const eventIds = events.map((e) => e.id);
	const [items, roles] =
		eventIds.length === 0
			? [[], []]
			: await Promise.all([listAgendaItemsOfEvents(db, eventIds), listAgendaRolesOfEvents(db, eventIds)]);
	return toPersonalAgendaView(person, events, items, roles, rows.length > events.length, now);
}

/**
 * The link holder accepts, declines or tentatively accepts one of their invitations. Refused with
 * NotFound for a participation that is not theirs (or of a draft event), and with RuleViolation once the
 * event is cancelled or over. Writes the answer and its audit entry in one transaction.
 */
export async function respondToInvitation(
	db: Kysely<Database>,
	personId: number,
	participantId: number,
	status: RsvpAnswer,
	{ clientAddress = null, now = new Date() }: { clientAddress?: string | null; now?: Date } = {}
): Promise<{ participantId: number; status: RsvpAnswer }> {
	const at = now.toISOString();
	await db.transaction().execute(async (tx) => {
		const person = await findPersonName(tx, personId);
		const participation = await findParticipation(tx, participantId);
		// Someone else's invitation looks exactly like one that does not exist.
		if (
			!person ||
			!participation ||
			participation.person_id !== personId ||
			participation.event_status === 'draft'
		) {
			throw new NotFound(m.link_error_no_such_invitation());
		}
		if (participation.event_status === 'cancelled') {
			throw new RuleViolation(m.link_error_cancelled());
		}
		if (Date.parse(participation.event_end_at) <= now.getTime()) {
			throw new RuleViolation(m.link_error_over());
		}
		const open = canAnswer(
			{
				status: participation.event_status,
				endAt: participation.event_end_at,
				rsvpStatus: participation.rsvp_status
			},
			now
		);
		if (!open) throw new RuleViolation(m.link_error_attendance_recorded());
		await updateParticipantRsvp(tx, participantId, { rsvp_status: status, responded_at: at, updated_at: at });
		// The holder of a personal link has no account: the least role, for this one answer.
		const actor: Actor = {
			userId: null,
			role: 'viewer',
			label: `personal link of ${formatPersonName(person)}`,
			clientAddress
		};
		await recordAction(tx, actor, {
			action: 'participant.rsvp',
			entityType: 'event_participant',
			entityId: participantId,
			eventId: participation.event_id,
			before: { rsvp_status: participation.rsvp_status, responded_at: participation.responded_at },
			after: { rsvp_status: status, responded_at: at }
		});
	});
	return { participantId, status };
}
