/**
 * How an event's participants are arranged: its sides (delegations) and who heads each, who stands on
 * which side, and the officer's order of precedence. Every write runs in one transaction with its audit
 * entry naming the event.
 */
import { m } from '../../paraglide/messages.js';
import type { Kysely } from 'kysely';
import { recordAction, type Actor } from '../audit/audit';
import type { Database } from '../db/schema';
import { RuleViolation } from '../errors';
import { findOrganizationId } from '../people/person.repository';
import {
	clearDelegationOfParticipants,
	clearPrecedences,
	deleteDelegation,
	demoteHeadsOfDelegation,
	findDelegationByName,
	findHeadOfDelegation,
	insertDelegations,
	listParticipantIdsInOrder,
	nextDelegationPosition,
	setPrecedences,
	updateDelegation,
	updateParticipant
} from './participant.repository';
import { delegationOrFail, eventOrFail, participantOrFail } from './participant.shared';
import { authorize } from '../auth/authorize';

// ——— Sides ————————————————————————————————————————————————————————————————————————————————————————

export async function createDelegation(
	db: Kysely<Database>,
	actor: Actor,
	eventId: number,
	input: { name: string; organizationId: number | null }
): Promise<{ id: number }> {
	authorize(actor, 'officer');
	return db.transaction().execute(async (tx) => {
		await eventOrFail(tx, eventId);
		if (await findDelegationByName(tx, eventId, input.name)) {
			const message = m.participants_error_side_name_taken();
			throw new RuleViolation(message, { delegationName: message });
		}
		if (input.organizationId !== null) {
			if (!(await findOrganizationId(tx, input.organizationId))) {
				throw new RuleViolation(m.participants_error_no_such_organisation(), {
					delegationOrganizationId: m.participants_error_organisation_list()
				});
			}
		}
		const [created] = await insertDelegations(tx, [
			{
				event_id: eventId,
				name: input.name,
				organization_id: input.organizationId,
				position: await nextDelegationPosition(tx, eventId)
			}
		]);
		await recordAction(tx, actor, {
			action: 'delegation.create',
			entityType: 'delegation',
			entityId: created!.id,
			eventId,
			after: input
		});
		return { id: created!.id };
	});
}

export async function renameDelegation(
	db: Kysely<Database>,
	actor: Actor,
	eventId: number,
	delegationId: number,
	name: string
): Promise<void> {
	authorize(actor, 'officer');
	await db.transaction().execute(async (tx) => {
		const delegation = await delegationOrFail(tx, eventId, delegationId);
		if (await findDelegationByName(tx, eventId, name, delegationId)) {
			const message = m.participants_error_side_name_taken();
			throw new RuleViolation(message, { name: message });
		}
		await updateDelegation(tx, delegationId, { name });
		await recordAction(tx, actor, {
			action: 'delegation.rename',
			entityType: 'delegation',
			entityId: delegationId,
			eventId,
			before: { name: delegation.name },
			after: { name }
		});
	});
}

/** Removes a side; its participants stay at the event, on no side. */
export async function removeDelegation(
	db: Kysely<Database>,
	actor: Actor,
	eventId: number,
	delegationId: number
): Promise<void> {
	authorize(actor, 'officer');
	await db.transaction().execute(async (tx) => {
		const delegation = await delegationOrFail(tx, eventId, delegationId);
		await clearDelegationOfParticipants(tx, delegationId, new Date().toISOString());
		await deleteDelegation(tx, delegationId);
		await recordAction(tx, actor, {
			action: 'delegation.remove',
			entityType: 'delegation',
			entityId: delegationId,
			eventId,
			before: { name: delegation.name, organizationId: delegation.organization_id }
		});
	});
}

/**
 * Puts a participant on a side (or on none). A head of delegation keeps that role only on a side that
 * has no head yet; otherwise they become a member of it.
 */
export async function assignDelegation(
	db: Kysely<Database>,
	actor: Actor,
	eventId: number,
	participantId: number,
	delegationId: number | null
): Promise<void> {
	authorize(actor, 'officer');
	await db.transaction().execute(async (tx) => {
		const participant = await participantOrFail(tx, eventId, participantId);
		if (delegationId !== null) await delegationOrFail(tx, eventId, delegationId);
		let role = participant.role;
		if (role === 'head_of_delegation' && delegationId !== participant.delegation_id) {
			const otherHead = delegationId === null ? null : await findHeadOfDelegation(tx, delegationId);
			if (delegationId === null || otherHead) role = 'delegation_member';
		}
		await updateParticipant(tx, participantId, {
			delegation_id: delegationId,
			role,
			updated_at: new Date().toISOString()
		});
		await recordAction(tx, actor, {
			action: 'participant.assign_delegation',
			entityType: 'event_participant',
			entityId: participantId,
			eventId,
			before: { delegationId: participant.delegation_id, role: participant.role },
			after: { delegationId, role }
		});
	});
}

/** Makes a participant the head of their side; whoever headed it before becomes a member. */
export async function markHeadOfDelegation(
	db: Kysely<Database>,
	actor: Actor,
	eventId: number,
	participantId: number
): Promise<void> {
	authorize(actor, 'officer');
	await db.transaction().execute(async (tx) => {
		const participant = await participantOrFail(tx, eventId, participantId);
		if (participant.delegation_id === null) {
			throw new RuleViolation(m.participants_error_head_needs_side(), {
				participantId: m.participants_error_side_first()
			});
		}
		const now = new Date().toISOString();
		await demoteHeadsOfDelegation(tx, participant.delegation_id, now, { participantId });
		await updateParticipant(tx, participantId, { role: 'head_of_delegation', updated_at: now });
		await recordAction(tx, actor, {
			action: 'participant.mark_head',
			entityType: 'event_participant',
			entityId: participantId,
			eventId,
			before: { role: participant.role },
			after: { role: 'head_of_delegation', delegationId: participant.delegation_id }
		});
	});
}

// ——— Order of precedence ———————————————————————————————————————————————————————————————————————————

/**
 * Moves a participant one place up or down the order of precedence. The whole order as it stands is
 * written down explicitly (1, 2, 3 …) with the two swapped, so the officer's order holds from then on,
 * until "Reset to computed order". One read and one write, whatever the number of participants.
 */
export async function moveParticipant(
	db: Kysely<Database>,
	actor: Actor,
	eventId: number,
	participantId: number,
	direction: 'up' | 'down'
): Promise<void> {
	authorize(actor, 'officer');
	await db.transaction().execute(async (tx) => {
		await participantOrFail(tx, eventId, participantId);
		const order = await listParticipantIdsInOrder(tx, eventId);
		const from = order.indexOf(participantId);
		const to = direction === 'up' ? from - 1 : from + 1;
		if (to < 0 || to >= order.length) return;
		[order[from], order[to]] = [order[to]!, order[from]!];
		await setPrecedences(tx, eventId, order, new Date().toISOString());
		await recordAction(tx, actor, {
			action: 'participant.move',
			entityType: 'event_participant',
			entityId: participantId,
			eventId,
			before: { place: from + 1 },
			after: { place: to + 1, direction }
		});
	});
}

/** Forgets the officer's order: heads of organisation, rank and name decide again. */
export async function resetPrecedence(db: Kysely<Database>, actor: Actor, eventId: number): Promise<number> {
	authorize(actor, 'officer');
	return db.transaction().execute(async (tx) => {
		await eventOrFail(tx, eventId);
		const cleared = await clearPrecedences(tx, eventId, new Date().toISOString());
		await recordAction(tx, actor, {
			action: 'participant.reset_precedence',
			entityType: 'event',
			entityId: eventId,
			eventId,
			after: { cleared }
		});
		return cleared;
	});
}
