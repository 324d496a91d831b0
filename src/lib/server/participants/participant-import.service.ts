/**
 * Importing participants from a CSV file: a preview that writes nothing, and the import itself, which
 * plans again from the posted text inside the transaction that saves it. Parsing and planning are pure
 * (participant.import.ts); this module makes the fixed number of look-ups they need and writes the plan,
 * with one audit entry naming the event.
 */
import { m } from '../../paraglide/messages.js';
import type { Kysely } from 'kysely';
import { recordAction, type Actor } from '../audit/audit';
import type { ClashView } from '../clashes/clash.service';
import type { Database, NewParticipant } from '../db/schema';
import type { EventDetailRow } from '../events/event.repository';
import { addPersonInTransaction } from '../people/person.service';
import { alignPostsAtEvents } from '../people/person-position.service';
import {
	namesInFile,
	parseParticipantCsv,
	planImport,
	type ImportPlan,
	type ParsedCsv
} from './participant.import';
import {
	demoteHeadsOfDelegation,
	listOrganizationsByNameOrAcronym,
	listPeopleForImport,
	insertDelegations,
	insertParticipants,
	listDelegations,
	listInvitedPersonIds,
	nextDelegationPosition
} from './participant.repository';
import { describeSpan, toImportPreview, type ImportPreviewView } from './participant.view';
import { clashesFor, eventOrFail, participantValues, type Db } from './participant.shared';
import { authorize } from '../auth/authorize';

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
				m.participants_import_clash({
					title: warning.event.title,
					when: describeSpan(
						warning.event.startAt,
						warning.event.endAt,
						warning.event.timeZone,
						warning.event.allDay
					),
					event: describeSpan(event.start_at, event.end_at, event.time_zone, event.all_day === 1)
				})
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
	authorize(actor, 'officer');
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
		const inserted = await insertParticipants(tx, values);
		// Where a person's history gives the post held that day, it wins over what the file says.
		await alignPostsAtEvents(tx, { participantIds: inserted.map((p) => p.id) }, now);
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
