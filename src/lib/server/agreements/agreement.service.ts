/**
 * The agreements register: the list and the agreement page (each a fixed number of queries whatever the
 * size of the data), recording and editing an agreement with its parties (optimistic concurrency through
 * its version), and the letters about it. An agreement's state is never stored: the repository derives
 * it from the dates, as they stand on the office's today.
 */
import { m } from '../../paraglide/messages.js';
import type { Kysely } from 'kysely';
import type { Actor } from '../audit/audit';
import { authorize } from '../auth/authorize';
import { officeToday } from '../calendar/calendar.settings';
import {
	findCorrespondenceRow,
	listEventRefs,
	listLettersLinkedFrom
} from '../correspondence/correspondence.repository';
import { toCorrespondenceListItem } from '../correspondence/correspondence.view';
import { countExisting } from '../db/references';
import type { Agreement, Database } from '../db/schema';
import { RuleViolation } from '../errors';
import { datedRef, type DatedEventRef } from '../events/event.ref';
import { organizationRefsBy } from '../organizations/organization.ref';
import { getNamedChoices, type ChooserField, type NamedChoices } from '../choosers/chooser.service';
import { toPage, type Page, type PageRequest } from '../pagination';
import { listProjectsLinkedTo } from '../projects/project.repository';
import { toProjectRef } from '../projects/project.ref';
import {
	insertVersionedRecord,
	reviseVersionedRecord,
	setRecordLink,
	type VersionedRecord
} from '../records/versioned-record';
import { searchForLinks } from '../search/search.service';
import type { SearchGroup } from '../search/search.view';
import { listTopicsResultingIn } from '../topics/topic.repository';
import { toTopicOrigins, type TopicOrigin } from '../topics/topic.view';
import { formCheckbox, formText } from '../validation';
import type { AgreementFormValues, AgreementInput } from './agreement.input';
import {
	AGREEMENT_LETTERS,
	AGREEMENT_PARTIES,
	findAgreement,
	findAgreementRow,
	insertAgreement,
	listAgreements,
	listAgreementsById,
	listAgreementsSignedAt,
	listPartiesOfAgreements,
	listPartyIds,
	type AgreementFilter,
	type AgreementSummaryRow
} from './agreement.repository';
import {
	toAgreementSummary,
	toAgreementView,
	type AgreementSummary,
	type AgreementView
} from './agreement.view';

/** Agreement rows with their parties, fetched once for all of them. */
async function withParties(db: Kysely<Database>, rows: AgreementSummaryRow[]): Promise<AgreementSummary[]> {
	const ids = rows.map((row) => row.id);
	const parties = organizationRefsBy(await listPartiesOfAgreements(db, ids), (row) => row.ownerId);
	return rows.map((row) => toAgreementSummary(row, parties.get(row.id) ?? []));
}

/** One page of the register, latest signature first. Two queries. */
export async function listAgreementsPage(
	db: Kysely<Database>,
	{ page: request, ...filter }: AgreementFilter & { page: PageRequest },
	now = new Date()
): Promise<Page<AgreementSummary>> {
	const rows = await listAgreements(db, filter, officeToday(now), request);
	const page = toPage(rows, request, (row) => [row.register_date, row.id]);
	return { ...page, items: await withParties(db, page.items) };
}

export interface AgreementRegister {
	agreements: Page<AgreementSummary>;
}

/** The register page: a page of agreements (its party filter is chosen by name). */
export async function getAgreementRegister(
	db: Kysely<Database>,
	query: AgreementFilter & { page: PageRequest },
	now = new Date()
): Promise<AgreementRegister> {
	return { agreements: await listAgreementsPage(db, query, now) };
}

/** The agreements signed at an event, for its page. Two queries. */
export async function listAgreementsSignedAtEvent(
	db: Kysely<Database>,
	eventId: number,
	now = new Date()
): Promise<AgreementSummary[]> {
	return withParties(db, await listAgreementsSignedAt(db, eventId, officeToday(now)));
}

/** These agreements in brief, latest signature first. Two queries. */
export async function listAgreementSummaries(
	db: Kysely<Database>,
	ids: number[],
	now = new Date()
): Promise<AgreementSummary[]> {
	return withParties(db, await listAgreementsById(db, ids, officeToday(now)));
}

export interface AgreementPage {
	agreement: AgreementView;
	/** The meetings' topics it was drafted from. */
	topics: TopicOrigin[];
	/** What a search on the page found to link to it; null when nothing was searched for. */
	found: SearchGroup[] | null;
}

/**
 * Everything the agreement page shows, or null when there is no such agreement: the agreement, its
 * parties, letters, projects and the topic it was drafted from (five queries), and what `find` finds to link (the search's own).
 */
export async function findAgreementPage(
	db: Kysely<Database>,
	agreementId: number,
	{ find = '' }: { find?: string } = {},
	now = new Date()
): Promise<AgreementPage | null> {
	const row = await findAgreement(db, agreementId, officeToday(now));
	if (!row) return null;
	const [parties, letters, projects, topics, found] = await Promise.all([
		listPartiesOfAgreements(db, [agreementId]),
		listLettersLinkedFrom(db, AGREEMENT_LETTERS, agreementId, 'asc'),
		listProjectsLinkedTo(db, 'agreement', agreementId),
		listTopicsResultingIn(db, 'agreement', agreementId),
		find.trim() ? searchForLinks(db, find, ['correspondence']) : null
	]);
	const agreement = toAgreementView(row, {
		parties: organizationRefsBy(parties, (party) => party.ownerId).get(agreementId) ?? [],
		letters: letters.map(toCorrespondenceListItem),
		projects: projects.map(toProjectRef)
	});
	return { agreement, topics: toTopicOrigins(topics), found };
}

export function toAgreementFormValues(row: Agreement, partyIds: number[]): AgreementFormValues {
	return {
		title: row.title,
		summary: formText(row.summary),
		parties: partyIds.join(','),
		signedOn: formText(row.signed_on),
		signedUndated: formCheckbox(row.signed_undated),
		signedPlace: formText(row.signed_place),
		signedEventId: formText(row.signed_event_id),
		approvedOn: formText(row.approved_on),
		approvalAct: formText(row.approval_act),
		inForceOn: formText(row.in_force_on),
		inForceUntil: formText(row.in_force_until),
		terminatedOn: formText(row.terminated_on),
		version: String(row.version)
	};
}

function agreementColumns(input: AgreementInput) {
	return {
		title: input.title,
		summary: input.summary,
		signed_on: input.signedOn,
		signed_undated: input.signedUndated,
		signed_place: input.signedPlace,
		signed_event_id: input.signedEventId,
		approved_on: input.approvedOn,
		approval_act: input.approvalAct,
		in_force_on: input.inForceOn,
		in_force_until: input.inForceUntil,
		terminated_on: input.terminatedOn
	};
}

export interface AgreementFormChoices {
	/** The parties the form's values name (the chooser finds any other). */
	named: NamedChoices;
	/**
	 * The events the form offers as the one where it was signed: the one it names already and the one it
	 * was opened from, never every event (the event's page has "Record an agreement signed here"). Each
	 * dated here, so that the form formats no dates.
	 */
	events: DatedEventRef[];
}

/** The agreement form's fields chosen by name. */
export const AGREEMENT_CHOOSERS: Record<string, ChooserField> = {
	parties: { kind: 'organization', multiple: true }
};

/** What the agreement form offers. Two queries. */
export async function getAgreementFormChoices(
	db: Kysely<Database>,
	eventIds: (number | null | undefined)[],
	values: { parties?: string } = {}
): Promise<AgreementFormChoices> {
	const ids = eventIds.filter((id): id is number => typeof id === 'number');
	const [named, events] = await Promise.all([
		getNamedChoices(db, { organization: [values.parties] }),
		listEventRefs(db, ids)
	]);
	return {
		named,
		events: events.map((e) =>
			datedRef({ id: e.id, title: e.title, startAt: e.start_at, timeZone: e.time_zone })
		)
	};
}

export async function findAgreementForm(db: Kysely<Database>, agreementId: number) {
	const [row, partyIds] = await Promise.all([
		findAgreementRow(db, agreementId),
		listPartyIds(db, agreementId)
	]);
	if (!row) return null;
	const values = toAgreementFormValues(row, partyIds);
	return {
		title: row.title,
		values,
		choices: await getAgreementFormChoices(db, [row.signed_event_id], values)
	};
}

/** The parties and the event the form names must exist: refused beside the field otherwise. */
async function checkAgreementReferences(tx: Kysely<Database>, input: AgreementInput) {
	const found = await countExisting(tx, {
		person: [],
		organization: input.parties,
		event: input.signedEventId === null ? [] : [input.signedEventId]
	});
	if (found.organization !== input.parties.length) {
		throw new RuleViolation(m.agreements_error_no_organization(), {
			parties: m.agreements_error_choose_parties()
		});
	}
	if (input.signedEventId !== null && found.event !== 1) {
		throw new RuleViolation(m.agreements_error_no_event(), {
			signedEventId: m.agreements_error_event_gone()
		});
	}
}

const AGREEMENTS: VersionedRecord<
	AgreementInput,
	ReturnType<typeof agreementColumns>,
	Agreement,
	AgreementFormValues
> = {
	entity: 'agreement',
	get staleMessage() {
		return m.agreements_error_stale();
	},
	get missingMessage() {
		return m.agreements_not_found();
	},
	links: AGREEMENT_PARTIES,
	linksName: 'parties',
	columns: agreementColumns,
	linkIds: (input) => input.parties,
	checkReferences: checkAgreementReferences,
	insert: insertAgreement,
	findRow: findAgreementRow,
	formValues: toAgreementFormValues,
	eventIdOf: (columns) => columns.signed_event_id
};

/** Records an agreement with its parties; audited (under the event where it was signed, if any). */
export async function createAgreement(
	db: Kysely<Database>,
	actor: Actor,
	input: AgreementInput,
	now = new Date()
): Promise<number> {
	authorize(actor, 'officer');
	return db.transaction().execute((tx) => addAgreementInTransaction(tx, actor, input, now));
}

/**
 * Records an agreement with its parties and its audit entry inside the caller's transaction: for a
 * write that has checked the role and makes an agreement as one of its steps (a meeting's topic).
 */
export async function addAgreementInTransaction(
	tx: Kysely<Database>,
	actor: Actor,
	input: AgreementInput,
	now: Date
): Promise<number> {
	return insertVersionedRecord(tx, actor, AGREEMENTS, input, now);
}

/**
 * Saves every field of the agreement and its parties if nobody saved it since `version` was read;
 * otherwise StaleRecord with their version, and nothing written. Audited, before and after.
 */
export async function reviseAgreement(
	db: Kysely<Database>,
	actor: Actor,
	agreementId: number,
	version: number,
	input: AgreementInput,
	now = new Date()
): Promise<void> {
	authorize(actor, 'officer');
	await db
		.transaction()
		.execute((tx) => reviseVersionedRecord(tx, actor, AGREEMENTS, agreementId, version, input, now));
}

/**
 * Links a note or letter to the agreement, as one about it, or (`linked` false) takes it off; audited
 * when it changed anything.
 */
export async function setAgreementLetter(
	db: Kysely<Database>,
	actor: Actor,
	agreementId: number,
	{ correspondenceId, linked }: { correspondenceId: number; linked: boolean }
): Promise<void> {
	authorize(actor, 'officer');
	const letter = {
		link: AGREEMENT_LETTERS,
		kind: 'correspondence',
		targetId: correspondenceId,
		find: (tx: Kysely<Database>) => findCorrespondenceRow(tx, correspondenceId),
		missing: m.agreements_error_no_document()
	};
	await db.transaction().execute((tx) => setRecordLink(tx, actor, AGREEMENTS, agreementId, letter, linked));
}
