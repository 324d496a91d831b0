/**
 * Who comes to an event: inviting people (one, a whole organisation, a CSV file) and removing them again.
 * Every write runs in one transaction with its audit entry (naming the event, so that the event's history
 * shows it). The pages that show them are read in participant-read.service.ts.
 *
 * Inviting someone who is booked at another event at the same time warns (`{ status: 'clash' }`) and
 * writes nothing, unless the officer chose to invite anyway: then the override is audited.
 */ import type { Kysely } from 'kysely';
import {
	deleteAgendaRolesOfParticipant,
	findPersonToAssign,
	listAgendaRolesOfParticipant
} from '../agenda/agenda.repository';
import { queueParticipantCancellation } from '../invitations/invitation.service';
import { recordAction, type Actor } from '../audit/audit';
import type { ClashView } from '../clashes/clash.service';
import type { Database, NewParticipant } from '../db/schema';
import { RuleViolation } from '../errors';
import type { EventDetailRow } from '../events/event.repository';
import { findOrganizationRef } from '../organizations/organization.repository';
import type { PersonCreateInput } from '../people/person.input';
import { addPersonInTransaction } from '../people/person.service';
import { formatPersonName } from '../../format/names';
import {
	namesInFile,
	parseParticipantCsv,
	planImport,
	type ImportPlan,
	type ParsedCsv
} from './participant.import';
import {
	deleteParticipant,
	demoteHeadsOfDelegation,
	listOrganizationsByNameOrAcronym,
	listPeopleForImport,
	insertDelegations,
	insertParticipants,
	listDelegations,
	listInvitedPersonIds,
	listPeopleToInviteFromOrganization,
	nextDelegationPosition
} from './participant.repository';
import {
	describeSpan,
	toClashWarnings,
	toImportPreview,
	type ClashWarning,
	type ImportPreviewView
} from './participant.view';
import {
	clashesFor,
	delegationOrFail,
	eventOrFail,
	participantOrFail,
	participantValues,
	type Db,
	type Placement
} from './participant.shared';

// ——— Inviting ——————————————————————————————————————————————————————————————————————————————————————

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
	return db.transaction().execute(async (tx) => {
		const event = await eventOrFail(tx, eventId);
		const person = await findPersonToAssign(tx, input.personId);
		if (!person) throw new RuleViolation('There is no such person.', { personId: 'Choose a person.' });
		if ((await listInvitedPersonIds(tx, eventId, [person.id])).size > 0) {
			const message = `${formatPersonName(person)} is invited already.`;
			throw new RuleViolation(message, { personId: message });
		}
		if (input.delegationId !== null) await delegationOrFail(tx, eventId, input.delegationId);
		if (input.role === 'head_of_delegation' && input.delegationId === null) {
			const message = 'A head of delegation needs a side: choose one, or create it first.';
			throw new RuleViolation(message, { delegationId: message });
		}
		const clashes = await clashesFor(tx, event, [person.id]);
		if (clashes.length > 0 && !input.clashOverride) {
			return { status: 'clash', clashes: toClashWarnings(clashes) };
		}
		const now = new Date().toISOString();
		const [created] = await insertParticipants(tx, [participantValues(eventId, person, input, now)]);
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

/** Adds a person to the directory and invites them, in one step (someone new has no other bookings). */
export async function createPersonAndInvite(
	db: Kysely<Database>,
	actor: Actor,
	eventId: number,
	person: PersonCreateInput,
	placement: Omit<Placement, 'clashOverride'>
): Promise<{ personId: number; name: string }> {
	return db.transaction().execute(async (tx) => {
		await eventOrFail(tx, eventId);
		if (placement.delegationId !== null)
			await delegationOrFail(tx, eventId, placement.delegationId, 'newDelegationId');
		if (placement.role === 'head_of_delegation' && placement.delegationId === null) {
			const message = 'A head of delegation needs a side: choose one, or create it first.';
			throw new RuleViolation(message, { newDelegationId: message });
		}
		const created = await addPersonInTransaction(tx, actor, person, { eventId });
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
		return { personId: created.id, name: created.name };
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
	if (input.role === 'head_of_delegation') {
		const message = 'Invite the head of delegation on their own; choose another role for the others.';
		throw new RuleViolation(message, { bulkRole: message });
	}
	return db.transaction().execute(async (tx) => {
		const event = await eventOrFail(tx, eventId);
		const organization = await findOrganizationRef(tx, input.organizationId);
		if (!organization) {
			throw new RuleViolation('There is no such organisation.', {
				bulkOrganizationId: 'Choose an organisation.'
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
				const message = `Nobody in the directory belongs to ${organization.name}${input.includeSubOrganizations ? ' or the organisations below it' : ''}.`;
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
		await insertParticipants(
			tx,
			newcomers.map((p) => participantValues(eventId, p, input, now))
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

// ——— CSV import ————————————————————————————————————————————————————————————————————————————————————

/** What the directory and the event say about the names in a file: a fixed number of queries. */
async function planFor(
	db: Db,
	event: EventDetailRow,
	parsed: ParsedCsv
): Promise<{ plan: ImportPlan; clashes: ClashView[] }> {
	const names = namesInFile(parsed);
	const [organizations, people, delegations] = await Promise.all([
		listOrganizationsByNameOrAcronym(db, names.organizations),
		listPeopleForImport(db, names.emails, names.familyNames),
		listDelegations(db, event.id)
	]);
	const personIds = people.map((p) => p.id);
	const invitedPersonIds = await listInvitedPersonIds(db, event.id, personIds);
	const clashes = await clashesFor(
		db,
		event,
		personIds.filter((id) => !invitedPersonIds.has(id))
	);
	const clashNotes = new Map<number, string[]>();
	for (const warning of clashes) {
		for (const person of warning.people) {
			const notes = clashNotes.get(person.id) ?? [];
			notes.push(
				`Booked at “${warning.event.title}”, ${describeSpan(warning.event.startAt, warning.event.endAt, warning.event.timeZone)}; ` +
					`this event: ${describeSpan(event.start_at, event.end_at, event.time_zone)}.`
			);
			clashNotes.set(person.id, notes);
		}
	}
	const plan = planImport(parsed, { organizations, people, invitedPersonIds, delegations, clashNotes });
	return { plan, clashes };
}

/** What importing this CSV would do, row by row, with every problem found; nothing is written. */
export async function previewParticipantImport(
	db: Kysely<Database>,
	eventId: number,
	csv: string
): Promise<ImportPreviewView> {
	const event = await eventOrFail(db, eventId);
	const { plan } = await planFor(db, event, parseParticipantCsv(csv));
	return toImportPreview(plan);
}

export type ImportResult =
	| { saved: true; created: number; linked: number; skipped: number }
	| { saved: false; preview: ImportPreviewView };

/**
 * Imports the CSV: the plan is made again from the text posted (never taken from the client), and when
 * any row has a problem nothing is saved and the preview comes back. Otherwise every row is saved in one
 * transaction — new sides, new people, the invitations — or, should anything fail, none. Importing is
 * the officer's confirmation, so clashes shown in the preview are overridden, and audited as such.
 */
export async function importParticipants(
	db: Kysely<Database>,
	actor: Actor,
	eventId: number,
	csv: string
): Promise<ImportResult> {
	const parsed = parseParticipantCsv(csv);
	return db.transaction().execute(async (tx): Promise<ImportResult> => {
		const event = await eventOrFail(tx, eventId);
		const { plan, clashes } = await planFor(tx, event, parsed);
		if (!plan.ready) return { saved: false, preview: toImportPreview(plan) };
		const now = new Date().toISOString();

		const sideIds = new Map(
			(await listDelegations(tx, eventId)).map((d) => [d.name.toLowerCase(), d.id] as const)
		);
		if (plan.newDelegations.length > 0) {
			const first = await nextDelegationPosition(tx, eventId);
			const created = await insertDelegations(
				tx,
				plan.newDelegations.map((name, i) => ({ event_id: eventId, name, position: first + i }))
			);
			for (const d of created) sideIds.set(d.name.toLowerCase(), d.id);
		}

		const saving = plan.rows.filter((row) => row.action === 'create' || row.action === 'link');
		const values: NewParticipant[] = [];
		const createdPersonIds: number[] = [];
		for (const row of saving) {
			let personId = row.personId!;
			if (row.action === 'create') {
				personId = (await addPersonInTransaction(tx, actor, row.person!, { eventId })).id;
				createdPersonIds.push(personId);
			}
			values.push({
				...participantValues(
					eventId,
					{
						id: personId,
						position: row.positionAtEvent,
						rank: row.rankAtEvent,
						organization_id: row.organizationId
					},
					{
						role: row.role,
						delegationId: row.delegationName ? sideIds.get(row.delegationName.toLowerCase())! : null,
						clashOverride: true
					},
					now
				)
			});
		}
		await insertParticipants(tx, values);
		// A head named in the file takes over from the side's earlier head.
		for (const row of values) {
			if (row.role === 'head_of_delegation' && row.delegation_id) {
				await demoteHeadsOfDelegation(tx, row.delegation_id, now, { personId: row.person_id });
			}
		}
		const linkedPersonIds = saving.filter((r) => r.action === 'link').map((r) => r.personId!);
		await recordAction(tx, actor, {
			action: 'participant.import',
			entityType: 'event',
			entityId: eventId,
			eventId,
			after: {
				rows: plan.rows.length,
				createdPersonIds,
				linkedPersonIds,
				skippedLines: plan.rows.filter((r) => r.action === 'skip').map((r) => r.line),
				newDelegations: plan.newDelegations,
				...(clashes.length > 0
					? {
							clashOverridden: clashes
								.filter((c) => c.people.some((p) => linkedPersonIds.includes(p.id)))
								.map((c) => c.event.id)
						}
					: {})
			}
		});
		return { saved: true, created: plan.counts.create, linked: plan.counts.link, skipped: plan.counts.skip };
	});
}

// ——— Removing ——————————————————————————————————————————————————————————————————————————————————————

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
