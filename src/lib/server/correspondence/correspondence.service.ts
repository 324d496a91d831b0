/**
 * Correspondence: the register, one document, and the documents of an event (each a fixed number of
 * queries); registering a note or letter and editing one (optimistic concurrency through its version).
 */
import type { Kysely } from 'kysely';
import type { CorrespondenceEventLink } from '../../vocabulary';
import { recordAction, type Actor } from '../audit/audit';
import { diffColumns } from '../audit/changes';
import { countExisting } from '../db/references';
import type { Correspondence, Database } from '../db/schema';
import { NotFound, RuleViolation, StaleRecord } from '../errors';
import { getDirectoryChoices, type Choice } from '../people/person.service';
import type { CorrespondenceFormValues, CorrespondenceInput } from './correspondence.input';
import { toPage, type Page, type PageRequest } from '../pagination';
import {
	findCorrespondence,
	findCorrespondenceRow,
	insertCorrespondence,
	listEventRefs,
	replaceCorrespondenceEvents,
	updateCorrespondenceRow,
	listCorrespondence,
	listCorrespondenceByEvent,
	listEnclosures,
	listEventsOfCorrespondence,
	listTransmittals,
	type CorrespondenceFilter
} from './correspondence.repository';
import {
	toCorrespondenceListItem,
	toCorrespondenceView,
	toLinkedCorrespondence,
	type CorrespondenceListItem,
	type CorrespondenceView,
	type LinkedCorrespondenceItem
} from './correspondence.view';
import { authorize } from '../auth/authorize';

/** One query: the documents linked to an event, with how each is linked. */
export async function listCorrespondenceOfEvent(
	db: Kysely<Database>,
	eventId: number
): Promise<LinkedCorrespondenceItem[]> {
	return (await listCorrespondenceByEvent(db, eventId)).map(toLinkedCorrespondence);
}

/** One query: a page of the register, latest first. */
export async function listCorrespondencePage(
	db: Kysely<Database>,
	query: CorrespondenceFilter & { page: PageRequest }
): Promise<Page<CorrespondenceListItem>> {
	const { page: request, ...filter } = query;
	const page = toPage(await listCorrespondence(db, filter, request), request, (row) => [
		row.dated_on,
		row.id
	]);
	return { ...page, items: page.items.map(toCorrespondenceListItem) };
}

/**
 * Four queries: the document, then its enclosures, the documents that transmitted it and its events.
 * Null when there is no such document.
 */
export async function findCorrespondencePage(
	db: Kysely<Database>,
	correspondenceId: number
): Promise<CorrespondenceView | null> {
	const row = await findCorrespondence(db, correspondenceId);
	if (!row) return null;
	const [enclosures, transmittals, events] = await Promise.all([
		listEnclosures(db, correspondenceId),
		listTransmittals(db, correspondenceId),
		listEventsOfCorrespondence(db, correspondenceId)
	]);
	return toCorrespondenceView(row, { enclosures, transmittals, events });
}

const text = (value: string | null) => value ?? '';
const idText = (value: number | null) => (value === null ? '' : String(value));

export function toCorrespondenceFormValues(
	row: Correspondence,
	links: { id: number; link: CorrespondenceEventLink }[]
): CorrespondenceFormValues {
	return {
		kind: row.kind,
		referenceNumber: text(row.reference_number),
		datedOn: row.dated_on,
		place: text(row.place),
		senderOrganizationId: idText(row.sender_organization_id),
		recipientOrganizationId: idText(row.recipient_organization_id),
		signatoryPersonId: idText(row.signatory_person_id),
		addresseePersonId: idText(row.addressee_person_id),
		subject: row.subject,
		summary: text(row.summary),
		events: links.map((l) => `${l.id}:${l.link}`).join(','),
		version: String(row.version)
	};
}

function correspondenceColumns(input: CorrespondenceInput) {
	return {
		kind: input.kind,
		reference_number: input.referenceNumber,
		dated_on: input.datedOn,
		place: input.place,
		sender_organization_id: input.senderOrganizationId,
		recipient_organization_id: input.recipientOrganizationId,
		signatory_person_id: input.signatoryPersonId,
		addressee_person_id: input.addresseePersonId,
		subject: input.subject,
		summary: input.summary
	};
}

export interface CorrespondenceFormChoices {
	people: Choice[];
	organizations: Choice[];
	/** The events the form offers links to: those linked already, and the one it was opened from. */
	events: { id: number; title: string; startAt: string; timeZone: string }[];
}

export async function getCorrespondenceFormChoices(
	db: Kysely<Database>,
	eventIds: number[]
): Promise<CorrespondenceFormChoices> {
	const [directory, events] = await Promise.all([getDirectoryChoices(db), listEventRefs(db, eventIds)]);
	return {
		...directory,
		events: events.map((e) => ({ id: e.id, title: e.title, startAt: e.start_at, timeZone: e.time_zone }))
	};
}

export async function findCorrespondenceForm(db: Kysely<Database>, correspondenceId: number) {
	const [row, links] = await Promise.all([
		findCorrespondenceRow(db, correspondenceId),
		listEventsOfCorrespondence(db, correspondenceId)
	]);
	if (!row) return null;
	return {
		subject: row.subject,
		values: toCorrespondenceFormValues(row, links),
		choices: await getCorrespondenceFormChoices(
			db,
			links.map((l) => l.id)
		)
	};
}

async function checkCorrespondenceReferences(tx: Kysely<Database>, input: CorrespondenceInput) {
	const present = (...ids: (number | null)[]) => ids.filter((id): id is number => id !== null);
	const people = present(input.signatoryPersonId, input.addresseePersonId);
	const organizations = present(input.senderOrganizationId, input.recipientOrganizationId);
	const events = input.events.map((l) => l.eventId);
	const found = await countExisting(tx, { person: people, organization: organizations, event: events });
	if (found.person !== new Set(people).size) {
		const message = 'Choose a person from the list.';
		throw new RuleViolation(message, { signatoryPersonId: message, addresseePersonId: message });
	}
	if (found.organization !== new Set(organizations).size) {
		const message = 'Choose an organisation from the list.';
		throw new RuleViolation(message, { senderOrganizationId: message, recipientOrganizationId: message });
	}
	if (found.event !== new Set(events).size) {
		throw new RuleViolation('An event it was linked to is gone.', {
			events: 'An event it was linked to is gone.'
		});
	}
}

/** Registers a note or letter with its links to events; audited. */
export async function createCorrespondence(
	db: Kysely<Database>,
	actor: Actor,
	input: CorrespondenceInput,
	now = new Date()
): Promise<number> {
	authorize(actor, 'officer');
	return db.transaction().execute(async (tx) => {
		await checkCorrespondenceReferences(tx, input);
		const at = now.toISOString();
		const { id } = await insertCorrespondence(tx, {
			...correspondenceColumns(input),
			created_at: at,
			updated_at: at
		});
		await replaceCorrespondenceEvents(tx, id, input.events);
		await recordAction(tx, actor, {
			action: 'correspondence.create',
			entityType: 'correspondence',
			entityId: id,
			after: { ...correspondenceColumns(input), events: input.events }
		});
		return id;
	});
}

/**
 * Saves every field and the links to events if nobody saved the document since `version` was read;
 * otherwise StaleRecord with their version, and nothing written. Audited, before and after.
 */
export async function reviseCorrespondence(
	db: Kysely<Database>,
	actor: Actor,
	correspondenceId: number,
	version: number,
	input: CorrespondenceInput,
	now = new Date()
): Promise<void> {
	authorize(actor, 'officer');
	await db.transaction().execute(async (tx) => {
		const [current, links] = await Promise.all([
			findCorrespondenceRow(tx, correspondenceId),
			listEventsOfCorrespondence(tx, correspondenceId)
		]);
		if (!current) throw new NotFound('There is no such document.');
		const stale = () =>
			new StaleRecord(
				toCorrespondenceFormValues(current, links),
				'Someone else saved this document after you opened it. Their version is in the form now; what you typed is beside it.'
			);
		if (current.version !== version) throw stale();
		await checkCorrespondenceReferences(tx, input);
		const next = correspondenceColumns(input);
		const diff = diffColumns(current, next);
		const key = (ls: { eventId: number; link: string }[]) =>
			ls
				.map((l) => `${l.eventId}:${l.link}`)
				.sort()
				.join(',');
		const linksBefore = links.map((l) => ({ eventId: l.id, link: l.link }));
		const linksChanged = key(linksBefore) !== key(input.events);
		if (!diff.changed && !linksChanged) return;
		const written = await updateCorrespondenceRow(tx, correspondenceId, version, {
			...next,
			updated_at: now.toISOString()
		});
		if (!written) throw stale();
		if (linksChanged) await replaceCorrespondenceEvents(tx, correspondenceId, input.events);
		await recordAction(tx, actor, {
			action: 'correspondence.update',
			entityType: 'correspondence',
			entityId: correspondenceId,
			before: {
				...diff.before,
				...(linksChanged ? { events: linksBefore } : {})
			},
			after: {
				...diff.after,
				...(linksChanged ? { events: input.events } : {})
			}
		});
	});
}
