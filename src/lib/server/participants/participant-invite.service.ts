/**
 * Who comes to an event: inviting one person from the directory, someone new, or everyone in an
 * organisation, and removing a participant again. Every write runs in one transaction with its audit
 * entry naming the event, so that the event's history shows it.
 *
 * Inviting someone who is booked at another event at the same time warns (`{ status: 'clash' }`) and
 * writes nothing, unless the officer chose to invite anyway: then the override is audited.
 */
import { m } from '../../paraglide/messages.js';
import type { Kysely } from 'kysely';
import {
	deleteAgendaRolesOfParticipant,
	findPersonToAssign,
	listAgendaRolesOfParticipant
} from '../agenda/agenda.repository';
import { queueParticipantCancellation } from '../invitations/invitation.service';
import { recordAction, type Actor } from '../audit/audit';
import type { Database } from '../db/schema';
import { RuleViolation } from '../errors';
import { findOrganizationRef } from '../organizations/organization.repository';
import type { PersonCreateInput } from '../people/person.input';
import { addPersonInTransaction, listLikelyDuplicates } from '../people/person.service';
import type { PersonMatchView } from '../people/person.view';
import { resolvePostsOnEventDate } from '../people/person-position.service';
import { formatPersonName } from '../../format/names';
import {
	deleteParticipant,
	demoteHeadsOfDelegation,
	insertParticipants,
	listInvitedPersonIds,
	listPeopleToInviteFromOrganization
} from './participant.repository';
import { toClashWarnings, type ClashWarning } from './participant.view';
import {
	clashesFor,
	delegationOrFail,
	eventOrFail,
	participantOrFail,
	participantValues,
	type Placement
} from './participant.shared';
import { authorize } from '../auth/authorize';

export type InviteResult =
	{ status: 'invited'; invited: number; skipped: number } | { status: 'clash'; clashes: ClashWarning[] };

/**
 * Invites one person from the directory. Refused when they are invited already or the side is not
 * the event's; warns when they are booked elsewhere at the time (unless `clashOverride`).
 */
export async function inviteParticipant(
	db: Kysely<Database>,
	actor: Actor,
	eventId: number,
	input: { personId: number } & Placement
): Promise<InviteResult> {
	authorize(actor, 'officer');
	return db.transaction().execute(async (tx) => {
		const event = await eventOrFail(tx, eventId);
		const person = await findPersonToAssign(tx, input.personId);
		if (!person)
			throw new RuleViolation(m.participants_error_no_such_person(), {
				personId: m.participants_error_choose_person()
			});
		if ((await listInvitedPersonIds(tx, eventId, [person.id])).size > 0) {
			const message = m.participants_error_invited_already({ name: formatPersonName(person) });
			throw new RuleViolation(message, { personId: message });
		}
		if (input.delegationId !== null) await delegationOrFail(tx, eventId, input.delegationId);
		if (input.role === 'head_of_delegation' && input.delegationId === null) {
			const message = m.participants_error_head_side();
			throw new RuleViolation(message, { delegationId: message });
		}
		const clashes = await clashesFor(tx, event, [person.id]);
		if (clashes.length > 0 && !input.clashOverride) {
			return { status: 'clash', clashes: toClashWarnings(clashes) };
		}
		const now = new Date().toISOString();
		const [held] = await resolvePostsOnEventDate(tx, event, [person]);
		const [created] = await insertParticipants(tx, [participantValues(eventId, held!, input, now)]);
		// A side has one head: whoever headed it before becomes a member.
		if (input.role === 'head_of_delegation' && input.delegationId !== null) {
			await demoteHeadsOfDelegation(tx, input.delegationId, now, { participantId: created!.id });
		}
		await recordAction(tx, actor, {
			action: 'participant.invite',
			entityType: 'event_participant',
			entityId: created!.id,
			eventId,
			after: {
				personId: person.id,
				name: formatPersonName(person),
				role: input.role,
				delegationId: input.delegationId,
				...(clashes.length > 0 ? { clashOverridden: clashes.map((c) => c.event.id) } : {})
			}
		});
		return { status: 'invited', invited: 1, skipped: 0 };
	});
}

/** What adding someone new and inviting them came to: done, or held back as they may be known already. */
export type NewPersonInviteResult =
	| { status: 'created'; personId: number; name: string }
	| { status: 'likely-duplicates'; matches: PersonMatchView[] };

/**
 * Adds a person to the directory and invites them, in one step (someone new has no other bookings).
 * Someone in the directory who may be the same person holds it back, as adding them on the people page
 * does, until the officer says it is someone else (`someoneElse`).
 */
export async function createPersonAndInvite(
	db: Kysely<Database>,
	actor: Actor,
	eventId: number,
	person: PersonCreateInput,
	placement: Omit<Placement, 'clashOverride'> & { someoneElse?: boolean }
): Promise<NewPersonInviteResult> {
	authorize(actor, 'officer');
	return db.transaction().execute(async (tx): Promise<NewPersonInviteResult> => {
		await eventOrFail(tx, eventId);
		if (placement.delegationId !== null)
			await delegationOrFail(tx, eventId, placement.delegationId, 'newDelegationId');
		if (placement.role === 'head_of_delegation' && placement.delegationId === null) {
			const message = m.participants_error_head_side();
			throw new RuleViolation(message, { newDelegationId: message });
		}
		const matches = await listLikelyDuplicates(tx, person);
		if (matches.length > 0 && !placement.someoneElse) return { status: 'likely-duplicates', matches };
		const created = await addPersonInTransaction(tx, actor, person, { eventId, notTheSameAs: matches });
		const now = new Date().toISOString();
		const [participant] = await insertParticipants(tx, [
			participantValues(
				eventId,
				{
					id: created.id,
					position: person.position,
					rank: person.rank,
					organization_id: person.organizationId
				},
				{ ...placement, clashOverride: false },
				now
			)
		]);
		if (placement.role === 'head_of_delegation' && placement.delegationId !== null) {
			await demoteHeadsOfDelegation(tx, placement.delegationId, now, { participantId: participant!.id });
		}
		await recordAction(tx, actor, {
			action: 'participant.invite',
			entityType: 'event_participant',
			entityId: participant!.id,
			eventId,
			after: {
				personId: created.id,
				name: created.name,
				role: placement.role,
				delegationId: placement.delegationId,
				newPerson: true
			}
		});
		return { status: 'created', personId: created.id, name: created.name };
	});
}

/**
 * Invites everyone whose current organisation is this one (and, when asked, any organisation below it).
 * Those at the event already are skipped; nobody is invited twice. A head of delegation cannot be
 * given to a crowd, so the role must be another one.
 */
export async function inviteOrganization(
	db: Kysely<Database>,
	actor: Actor,
	eventId: number,
	input: { organizationId: number; includeSubOrganizations: boolean } & Placement
): Promise<InviteResult> {
	authorize(actor, 'officer');
	if (input.role === 'head_of_delegation') {
		const message = m.participants_error_head_alone();
		throw new RuleViolation(message, { bulkRole: message });
	}
	return db.transaction().execute(async (tx) => {
		const event = await eventOrFail(tx, eventId);
		const organization = await findOrganizationRef(tx, input.organizationId);
		if (!organization) {
			throw new RuleViolation(m.participants_error_no_such_organisation(), {
				bulkOrganizationId: m.participants_error_organisation()
			});
		}
		if (input.delegationId !== null)
			await delegationOrFail(tx, eventId, input.delegationId, 'bulkDelegationId');
		const people = await listPeopleToInviteFromOrganization(
			tx,
			organization.id,
			input.includeSubOrganizations
		);
		const invited = await listInvitedPersonIds(
			tx,
			eventId,
			people.map((p) => p.id)
		);
		const newcomers = people.filter((p) => !invited.has(p.id));
		if (newcomers.length === 0) {
			if (people.length === 0) {
				const message = (
					input.includeSubOrganizations
						? m.participants_error_nobody_in_organisation_below
						: m.participants_error_nobody_in_organisation
				)({ organisation: organization.name });
				throw new RuleViolation(message, { bulkOrganizationId: message });
			}
			return { status: 'invited', invited: 0, skipped: people.length };
		}
		const clashes = await clashesFor(
			tx,
			event,
			newcomers.map((p) => p.id)
		);
		if (clashes.length > 0 && !input.clashOverride) {
			return { status: 'clash', clashes: toClashWarnings(clashes) };
		}
		const now = new Date().toISOString();
		const held = await resolvePostsOnEventDate(tx, event, newcomers);
		await insertParticipants(
			tx,
			held.map((p) => participantValues(eventId, p, input, now))
		);
		await recordAction(tx, actor, {
			action: 'participant.invite_organization',
			entityType: 'event',
			entityId: eventId,
			eventId,
			after: {
				organizationId: organization.id,
				organization: organization.name,
				includeSubOrganizations: input.includeSubOrganizations,
				role: input.role,
				delegationId: input.delegationId,
				invitedPersonIds: newcomers.map((p) => p.id),
				skippedPersonIds: people.filter((p) => invited.has(p.id)).map((p) => p.id),
				...(clashes.length > 0 ? { clashOverridden: clashes.map((c) => c.event.id) } : {})
			}
		});
		return { status: 'invited', invited: newcomers.length, skipped: people.length - newcomers.length };
	});
}

/** Who would go, and how many agenda roles with them: for the confirmation. */
export async function describeRemoval(
	db: Kysely<Database>,
	eventId: number,
	participantId: number
): Promise<{ participantId: number; name: string; agendaRoleCount: number }> {
	const participant = await participantOrFail(db, eventId, participantId);
	return {
		participantId,
		name: formatPersonName(participant),
		agendaRoleCount: Number(participant.agenda_role_count ?? 0)
	};
}

/** Removes a participant; their agenda roles (chair, speaker …) go with them. */
export async function removeParticipant(
	db: Kysely<Database>,
	actor: Actor,
	eventId: number,
	participantId: number,
	now = new Date()
): Promise<void> {
	authorize(actor, 'officer');
	await db.transaction().execute(async (tx) => {
		const participant = await participantOrFail(tx, eventId, participantId);
		const roles = await listAgendaRolesOfParticipant(tx, participantId);
		const cancellationQueued = await queueParticipantCancellation(tx, actor, eventId, participantId, now);
		await deleteAgendaRolesOfParticipant(tx, participantId);
		await deleteParticipant(tx, participantId);
		await recordAction(tx, actor, {
			action: 'participant.remove',
			entityType: 'event_participant',
			entityId: participantId,
			eventId,
			before: {
				personId: participant.person_id,
				name: formatPersonName(participant),
				role: participant.role,
				rsvp: participant.rsvp_status,
				agendaRoles: roles.map((r) => ({ agendaItemId: r.agenda_item_id, role: r.role })),
				...(cancellationQueued ? { calendarCancellationQueued: true } : {})
			}
		});
	});
}
