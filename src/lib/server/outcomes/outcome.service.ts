/**
 * Reading outcomes: for the register, the outcome page, and the event page. Each costs three queries
 * whatever the number of outcomes: the outcome rows, then the parties and the follow-ups of all of them.
 */
import { m } from '../../paraglide/messages.js';
import type { Kysely } from 'kysely';
import { recordAction, type Actor } from '../audit/audit';
import { diffColumns } from '../audit/changes';
import { countExisting } from '../db/references';
import type { Database, Outcome } from '../db/schema';
import { NotFound, RuleViolation, StaleRecord } from '../errors';
import { getNamedChoices, type ChooserField, type NamedChoices } from '../choosers/chooser.service';
import { listActiveOfficers } from '../users/user.repository';
import { formText } from '../validation';
import type { OutcomeFormValues, OutcomeInput, OutcomeStatusInput } from './outcome.input';
import { toPage, type Page, type PageRequest } from '../pagination';
import {
	findOutcome,
	findOutcomeRow,
	insertOutcome,
	findEventTitle,
	insertOutcomeStatusChange,
	listOutcomeStatusChanges,
	listPartyIds,
	replaceOutcomeParties,
	updateOutcomeRow,
	listFollowUpsForOutcomes,
	listOutcomes,
	listOutcomesByEvent,
	listOutcomesFollowedUpByEvent,
	listPartiesForOutcomes,
	type OutcomeFilter,
	type OutcomeRow
} from './outcome.repository';
import { toOutcomeViews, toStatusChangeViews, type OutcomeView, type StatusChangeView } from './outcome.view';
import { authorize } from '../auth/authorize';
import { searchForLinks } from '../search/search.service';
import type { SearchGroup } from '../search/search.view';
import { listTopicsResultingIn } from '../topics/topic.repository';
import { toTopicOrigins, type TopicOrigin } from '../topics/topic.view';

async function withPartiesAndFollowUps(db: Kysely<Database>, rows: OutcomeRow[]): Promise<OutcomeView[]> {
	const ids = rows.map((row) => row.id);
	const [parties, followUps] = await Promise.all([
		listPartiesForOutcomes(db, ids),
		listFollowUpsForOutcomes(db, ids)
	]);
	return toOutcomeViews(rows, parties, followUps);
}

/** The decisions, agreements and action points recorded at an event. */
export async function listOutcomesOfEvent(db: Kysely<Database>, eventId: number): Promise<OutcomeView[]> {
	return withPartiesAndFollowUps(db, await listOutcomesByEvent(db, eventId));
}

/** Outcomes of earlier events that this event follows up. */
export async function listOutcomesFollowedUpAt(
	db: Kysely<Database>,
	eventId: number
): Promise<OutcomeView[]> {
	return withPartiesAndFollowUps(db, await listOutcomesFollowedUpByEvent(db, eventId));
}

/** One page of the outcomes register, newest first. */
export async function listOutcomesPage(
	db: Kysely<Database>,
	query: OutcomeFilter & { page: PageRequest }
): Promise<Page<OutcomeView>> {
	const { page: request, ...filter } = query;
	const page = toPage(await listOutcomes(db, filter, request), request, (row) => [row.id]);
	return { ...page, items: await withPartiesAndFollowUps(db, page.items) };
}

/**
 * Everything the outcome page shows, or null when there is no such outcome: the outcome with its thread
 * (the meetings it was carried to), the meeting's topic it was made from, if any, the history of its
 * status with each change's note, and, when `find` names one, the meetings found to carry it to (the
 * search's own queries). Five queries besides.
 */
export async function findOutcomePage(
	db: Kysely<Database>,
	outcomeId: number,
	{ find = '' }: { find?: string } = {}
): Promise<
	| (OutcomeView & { topics: TopicOrigin[]; statusChanges: StatusChangeView[]; found: SearchGroup[] | null })
	| null
> {
	const row = await findOutcome(db, outcomeId);
	if (!row) return null;
	const [[view], topics, changes, found] = await Promise.all([
		withPartiesAndFollowUps(db, [row]),
		listTopicsResultingIn(db, 'outcome', outcomeId),
		listOutcomeStatusChanges(db, outcomeId),
		find.trim() ? searchForLinks(db, find, ['event']) : null
	]);
	return view
		? { ...view, topics: toTopicOrigins(topics), statusChanges: toStatusChangeViews(changes), found }
		: null;
}

export function toOutcomeFormValues(row: Outcome, partyIds: number[]): OutcomeFormValues {
	return {
		eventId: formText(row.event_id),
		kind: row.kind,
		title: row.title,
		text: formText(row.text),
		status: row.status,
		ownerPersonId: formText(row.owner_person_id),
		ownerOrganizationId: formText(row.owner_organization_id),
		dueOn: formText(row.due_on),
		responsibleUserId: formText(row.responsible_user_id),
		parties: partyIds.join(','),
		version: String(row.version)
	};
}

function outcomeColumns(input: OutcomeInput) {
	return {
		event_id: input.eventId,
		kind: input.kind,
		title: input.title,
		text: input.text,
		status: input.status,
		owner_person_id: input.ownerPersonId,
		owner_organization_id: input.ownerOrganizationId,
		due_on: input.dueOn,
		responsible_user_id: input.responsibleUserId
	};
}

export interface OutcomeFormChoices {
	/** The people and organisations the form's values name (the choosers find any other). */
	named: NamedChoices;
	/** The officers who may follow it up: the office's few accounts, offered whole. */
	officers: (readonly [number, string])[];
	event: { id: number; title: string } | null;
}

/** The outcome form's fields chosen by name. */
export const OUTCOME_CHOOSERS: Record<string, ChooserField> = {
	ownerPersonId: { kind: 'person' },
	ownerOrganizationId: { kind: 'organization' },
	parties: { kind: 'organization', multiple: true }
};

/**
 * What the outcome form offers: the people and organisations its values name, the office's officers,
 * and the event it belongs to. Four queries at most.
 */
export async function getOutcomeFormChoices(
	db: Kysely<Database>,
	eventId: number | null,
	values: Partial<Record<'ownerPersonId' | 'ownerOrganizationId' | 'parties', string>> = {}
): Promise<OutcomeFormChoices> {
	const [named, officers, event] = await Promise.all([
		getNamedChoices(db, {
			person: [values.ownerPersonId],
			organization: [values.ownerOrganizationId, values.parties]
		}),
		listActiveOfficers(db),
		eventId === null ? undefined : findEventTitle(db, eventId)
	]);
	return {
		named,
		officers: officers.map((o) => [o.id, o.name] as const),
		event: event ?? null
	};
}

export async function findOutcomeForm(db: Kysely<Database>, outcomeId: number) {
	const [row, partyIds] = await Promise.all([findOutcomeRow(db, outcomeId), listPartyIds(db, outcomeId)]);
	if (!row) return null;
	const values = toOutcomeFormValues(row, partyIds);
	return { title: row.title, values, choices: await getOutcomeFormChoices(db, row.event_id, values) };
}

/** The people, organisations and event the form names must exist: refused beside the field otherwise. */
async function checkOutcomeReferences(tx: Kysely<Database>, input: OutcomeInput) {
	const personIds = input.ownerPersonId === null ? [] : [input.ownerPersonId];
	const organizationIds = [
		...new Set([...(input.ownerOrganizationId === null ? [] : [input.ownerOrganizationId]), ...input.parties])
	];
	const found = await countExisting(tx, {
		person: personIds,
		organization: organizationIds,
		event: input.eventId === null ? [] : [input.eventId]
	});
	if (found.person !== personIds.length) {
		throw new RuleViolation(m.outcomes_error_no_person(), {
			ownerPersonId: m.outcomes_error_choose_person()
		});
	}
	if (found.organization !== organizationIds.length) {
		throw new RuleViolation(m.outcomes_error_no_organization(), {
			ownerOrganizationId: m.outcomes_error_choose_organizations(),
			parties: m.outcomes_error_choose_organizations()
		});
	}
	if (input.eventId !== null && found.event !== 1) {
		throw new RuleViolation(m.outcomes_error_no_event(), {
			eventId: m.outcomes_error_event_gone()
		});
	}
	const responsible = input.responsibleUserId;
	if (responsible !== null && !(await listActiveOfficers(tx)).some((o) => o.id === responsible)) {
		throw new RuleViolation(m.outcomes_error_no_officer(), {
			responsibleUserId: m.outcomes_error_choose_officer()
		});
	}
}

/** Records an outcome (at an event, or on its own), with its parties; audited. */
export async function createOutcome(
	db: Kysely<Database>,
	actor: Actor,
	input: OutcomeInput,
	now = new Date()
): Promise<number> {
	authorize(actor, 'officer');
	return db.transaction().execute((tx) => addOutcomeInTransaction(tx, actor, input, now));
}

/**
 * Inserts an outcome with its parties and its audit entry, inside the caller's transaction: for a write
 * that has checked the role and makes an outcome as one of its steps (a meeting's topic turned into one).
 */
export async function addOutcomeInTransaction(
	tx: Kysely<Database>,
	actor: Actor,
	input: OutcomeInput,
	now: Date
): Promise<number> {
	await checkOutcomeReferences(tx, input);
	const at = now.toISOString();
	const { id } = await insertOutcome(tx, { ...outcomeColumns(input), created_at: at, updated_at: at });
	await replaceOutcomeParties(tx, id, input.parties);
	await recordAction(tx, actor, {
		action: 'outcome.create',
		entityType: 'outcome',
		entityId: id,
		eventId: input.eventId,
		after: { ...outcomeColumns(input), parties: input.parties }
	});
	return id;
}

const STALE_OUTCOME = () => m.outcomes_error_stale();
const STALE_STATUS = () => m.outcomes_error_stale_status();

/**
 * Saves every field of the outcome and its parties if nobody saved it since `version` was read;
 * otherwise StaleRecord with their version, and nothing written. Audited, before and after.
 */
export async function reviseOutcome(
	db: Kysely<Database>,
	actor: Actor,
	outcomeId: number,
	version: number,
	input: OutcomeInput,
	now = new Date()
): Promise<void> {
	authorize(actor, 'officer');
	await db.transaction().execute(async (tx) => {
		const [current, partyIds] = await Promise.all([
			findOutcomeRow(tx, outcomeId),
			listPartyIds(tx, outcomeId)
		]);
		if (!current) throw new NotFound(m.outcomes_not_found());
		const stale = () => new StaleRecord(toOutcomeFormValues(current, partyIds), STALE_OUTCOME());
		if (current.version !== version) throw stale();
		await checkOutcomeReferences(tx, input);
		const next = outcomeColumns(input);
		const diff = diffColumns(current, next);
		const partiesChanged = [...input.parties].sort((a, b) => a - b).join(',') !== partyIds.join(',');
		if (!diff.changed && !partiesChanged) return;
		if (!(await updateOutcomeRow(tx, outcomeId, version, { ...next, updated_at: now.toISOString() })))
			throw stale();
		if (partiesChanged) await replaceOutcomeParties(tx, outcomeId, input.parties);
		await recordAction(tx, actor, {
			action: 'outcome.update',
			entityType: 'outcome',
			entityId: outcomeId,
			eventId: current.event_id,
			before: {
				...diff.before,
				...(partiesChanged ? { parties: partyIds } : {})
			},
			after: {
				...diff.after,
				...(partiesChanged ? { parties: input.parties } : {})
			}
		});
	});
}

/**
 * The follow-up status alone, from the outcome page or the board, with the officer's note: refused when
 * someone changed the outcome since `version` was read. Writes the change to the outcome's history and
 * its audit entry, in one transaction. Choosing the status it has already writes nothing.
 */
export async function setOutcomeStatus(
	db: Kysely<Database>,
	actor: Actor,
	outcomeId: number,
	version: number,
	change: OutcomeStatusInput,
	now = new Date()
): Promise<void> {
	authorize(actor, 'officer');
	await db.transaction().execute(async (tx) => {
		const current = await findOutcomeRow(tx, outcomeId);
		if (!current) throw new NotFound(m.outcomes_not_found());
		if (current.version !== version) throw new StaleRecord(null, STALE_STATUS());
		if (current.status === change.status) return;
		const at = now.toISOString();
		if (!(await updateOutcomeRow(tx, outcomeId, version, { status: change.status, updated_at: at }))) {
			throw new StaleRecord(null, STALE_STATUS());
		}
		await insertOutcomeStatusChange(tx, {
			outcome_id: outcomeId,
			from_status: current.status,
			to_status: change.status,
			note: change.note,
			changed_by_user_id: actor.userId,
			changed_at: at
		});
		await recordAction(tx, actor, {
			action: 'outcome.status',
			entityType: 'outcome',
			entityId: outcomeId,
			eventId: current.event_id,
			before: { status: current.status },
			after: { status: change.status, note: change.note }
		});
	});
}
