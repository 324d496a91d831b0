/**
 * Correspondence: the register, one document, and the documents of an event (each a fixed number of
 * queries); registering a note or letter and editing one (optimistic concurrency through its version).
 */
import { m } from '../../paraglide/messages.js';
import type { Kysely } from 'kysely';
import { correspondenceKinds, type CorrespondenceEventLink } from '../../vocabulary';
import { recordAction, type Actor } from '../audit/audit';
import { diffColumns } from '../audit/changes';
import { countExisting } from '../db/references';
import type { Correspondence, Database } from '../db/schema';
import { Conflict, NotFound, RuleViolation, StaleRecord } from '../errors';
import { formatCalendarDate, formatShortDate } from '../../format/datetime';
import { formatOrganizationName } from '../../format/names';
import { getNamedChoices, type ChooserField, type NamedChoices } from '../choosers/chooser.service';
import { formCheckbox, formText } from '../validation';
import { listCorrespondenceFiles } from './correspondence-file.repository';
import { toCorrespondenceFileView } from './correspondence-file.view';
import type {
	CorrespondenceFormValues,
	CorrespondenceInput,
	CorrespondenceRegisterInput
} from './correspondence.input';
import { everyPage, toPage, type Page, type PageRequest } from '../pagination';
import {
	findCorrespondence,
	findCorrespondenceBySenderReference,
	findCorrespondenceDateRange,
	findCorrespondenceRow,
	deleteDraftCorrespondence,
	insertCorrespondence,
	listEventRefs,
	replaceCorrespondenceEvents,
	updateCorrespondenceRow,
	listCorrespondence,
	listCorrespondenceByEvent,
	listEventsOfCorrespondence,
	listThreadOf,
	type CorrespondenceDetailRow,
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
import { officeLocale } from '../i18n/locale';
import type { Locale } from '../../paraglide/runtime.js';

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

export interface CorrespondenceRegisterChoices {
	/** The years documents are dated in, latest first. */
	years: number[];
}

/** One query: the years the register's filter offers (its organisation is chosen by name). */
export async function getCorrespondenceRegisterChoices(
	db: Kysely<Database>
): Promise<CorrespondenceRegisterChoices> {
	const range = await findCorrespondenceDateRange(db);
	const years: number[] = [];
	if (range.first && range.last) {
		for (let year = Number(range.last.slice(0, 4)); year >= Number(range.first.slice(0, 4)); year--) {
			years.push(year);
		}
	}
	return { years };
}

/**
 * The whole register as the filters select it, latest first, a page of rows at a time (each page one
 * query, in keyset order): what the CSV export writes, never all of it in memory at once.
 */
export async function* listCorrespondenceRegister(
	db: Kysely<Database>,
	filter: CorrespondenceFilter,
	pageSize = 500
): AsyncGenerator<CorrespondenceListItem[]> {
	const pages = everyPage(
		(request) => listCorrespondence(db, filter, request),
		(row) => [row.dated_on, row.id],
		pageSize
	);
	for await (const rows of pages) yield rows.map(toCorrespondenceListItem);
}

/**
 * Five queries: the document with the ones it answers and transmits, then the replies to it, the
 * documents that transmitted it, its events and its files. Null when there is no such document.
 */
export async function findCorrespondencePage(
	db: Kysely<Database>,
	correspondenceId: number
): Promise<CorrespondenceView | null> {
	const row = await findCorrespondence(db, correspondenceId);
	return row && withThreadAndFiles(db, row);
}

/**
 * A letter the office writes, as it is printed: the document (as its page has it) and the language its
 * printed words (the reference, the date) are in: the addressee's, else the office's, the language its
 * draft was written in (thank-you.service.ts), whatever the reader's. Null when there is no such document.
 */
export async function findPrintableLetter(
	db: Kysely<Database>,
	correspondenceId: number
): Promise<{ record: CorrespondenceView; locale: Locale } | null> {
	const row = await findCorrespondence(db, correspondenceId);
	if (!row) return null;
	return { record: await withThreadAndFiles(db, row), locale: row.addressee_locale ?? officeLocale() };
}

async function withThreadAndFiles(
	db: Kysely<Database>,
	row: CorrespondenceDetailRow
): Promise<CorrespondenceView> {
	const [replies, transmittals, events, files] = await Promise.all([
		listThreadOf(db, 'in_reply_to_id', row.id),
		listThreadOf(db, 'transmits_id', row.id),
		listEventsOfCorrespondence(db, row.id),
		listCorrespondenceFiles(db, row.id)
	]);
	return toCorrespondenceView(row, {
		replies,
		transmittals,
		events,
		files: files.map(toCorrespondenceFileView)
	});
}

export function toCorrespondenceFormValues(
	row: Correspondence,
	links: { id: number; link: CorrespondenceEventLink }[]
): CorrespondenceFormValues {
	return {
		direction: formText(row.direction),
		kind: row.kind,
		referenceNumber: formText(row.reference_number),
		datedOn: row.dated_on,
		place: formText(row.place),
		senderOrganizationId: formText(row.sender_organization_id),
		recipientOrganizationId: formText(row.recipient_organization_id),
		signatoryPersonId: formText(row.signatory_person_id),
		addresseePersonId: formText(row.addressee_person_id),
		subject: row.subject,
		summary: formText(row.summary),
		body: formText(row.body),
		replyExpected: formCheckbox(row.reply_expected),
		inReplyToId: formText(row.in_reply_to_id),
		transmitsId: formText(row.transmits_id),
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
		summary: input.summary,
		body: input.body,
		direction: input.direction,
		reply_expected: input.replyExpected ? 1 : 0,
		in_reply_to_id: input.inReplyToId,
		transmits_id: input.transmitsId
	} as const;
}

export interface CorrespondenceFormChoices {
	/** The organisations, people and documents the form's values name (the choosers find the others). */
	named: NamedChoices;
	/**
	 * The events the form offers links to: those linked already, and the one it was opened from, each with
	 * its first day written in its zone (so that the form formats no dates).
	 */
	events: { id: number; title: string; date: string }[];
}

/** The fields of the form chosen by name. */
export const CORRESPONDENCE_CHOOSERS: Record<string, ChooserField> = {
	senderOrganizationId: { kind: 'organization' },
	recipientOrganizationId: { kind: 'organization' },
	signatoryPersonId: { kind: 'person' },
	addresseePersonId: { kind: 'person' },
	inReplyToId: { kind: 'correspondence' },
	transmitsId: { kind: 'correspondence' }
};

/** The form's events and the records its values name: one query for the events, one a kind named. */
export async function getCorrespondenceFormChoices(
	db: Kysely<Database>,
	eventIds: number[],
	values: Partial<CorrespondenceFormValues> = {}
): Promise<CorrespondenceFormChoices> {
	const [events, named] = await Promise.all([
		listEventRefs(db, eventIds),
		getNamedChoices(db, {
			organization: [values.senderOrganizationId, values.recipientOrganizationId],
			person: [values.signatoryPersonId, values.addresseePersonId],
			correspondence: [values.inReplyToId, values.transmitsId]
		})
	]);
	return {
		named,
		events: events.map((e) => ({ id: e.id, title: e.title, date: formatShortDate(e.start_at, e.time_zone) }))
	};
}

export async function findCorrespondenceForm(db: Kysely<Database>, correspondenceId: number) {
	const [row, links] = await Promise.all([
		findCorrespondenceRow(db, correspondenceId),
		listEventsOfCorrespondence(db, correspondenceId)
	]);
	if (!row) return null;
	const values = toCorrespondenceFormValues(row, links);
	return {
		subject: row.subject,
		draft: row.draft === 1,
		values,
		choices: await getCorrespondenceFormChoices(
			db,
			links.map((l) => l.id),
			values
		)
	};
}

/**
 * The documents it answers and transmits exist, are not itself and are not dated after it; its reference
 * number is not one its sender has used already (the message names that document, `duplicateOf` its id).
 */
async function checkThread(
	tx: Kysely<Database>,
	input: CorrespondenceInput,
	correspondenceId: number | null
) {
	const related = [
		[
			'inReplyToId',
			input.inReplyToId,
			m.correspondence_error_answer_itself,
			m.correspondence_error_reply_before
		],
		[
			'transmitsId',
			input.transmitsId,
			m.correspondence_error_transmit_itself,
			m.correspondence_error_transmit_later
		]
	] as const;
	for (const [field, id, itself, later] of related) {
		if (id === null) continue;
		if (id === correspondenceId) throw new RuleViolation(itself(), { [field]: itself() });
		const other = await findCorrespondenceRow(tx, id);
		if (!other) {
			const message = m.correspondence_error_choose_document();
			throw new RuleViolation(message, { [field]: message });
		}
		if (other.dated_on > input.datedOn) throw new RuleViolation(later(), { [field]: later() });
	}
	if (input.referenceNumber !== null && input.senderOrganizationId !== null) {
		await checkReferenceUnused(tx, input.senderOrganizationId, input.referenceNumber, correspondenceId);
	}
}

/**
 * The sender has not used this reference number on another document; else RuleViolation naming that
 * document beside the field, `duplicateOf` its id.
 */
async function checkReferenceUnused(
	tx: Kysely<Database>,
	senderOrganizationId: number,
	referenceNumber: string,
	correspondenceId: number | null
) {
	const existing = await findCorrespondenceBySenderReference(
		tx,
		senderOrganizationId,
		referenceNumber,
		correspondenceId
	);
	if (existing) {
		const used = {
			subject: existing.subject,
			kind: correspondenceKinds.labels[existing.kind].toLowerCase(),
			date: formatCalendarDate(existing.dated_on)
		};
		const message = existing.sender_name
			? m.correspondence_error_reference_used({
					...used,
					sender: formatOrganizationName({ name: existing.sender_name, acronym: existing.sender_acronym })
				})
			: m.correspondence_error_reference_used_unknown(used);
		throw new RuleViolation(message, { referenceNumber: message, duplicateOf: String(existing.id) });
	}
}

async function checkCorrespondenceReferences(tx: Kysely<Database>, input: CorrespondenceInput) {
	const present = (...ids: (number | null)[]) => ids.filter((id): id is number => id !== null);
	const people = present(input.signatoryPersonId, input.addresseePersonId);
	const organizations = present(input.senderOrganizationId, input.recipientOrganizationId);
	const events = input.events.map((l) => l.eventId);
	const found = await countExisting(tx, { person: people, organization: organizations, event: events });
	if (found.person !== new Set(people).size) {
		const message = m.correspondence_error_choose_person();
		throw new RuleViolation(message, { signatoryPersonId: message, addresseePersonId: message });
	}
	if (found.organization !== new Set(organizations).size) {
		const message = m.correspondence_error_choose_organization();
		throw new RuleViolation(message, { senderOrganizationId: message, recipientOrganizationId: message });
	}
	if (found.event !== new Set(events).size) {
		throw new RuleViolation(m.correspondence_error_event_gone(), {
			events: m.correspondence_error_event_gone()
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
		await checkThread(tx, input, null);
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
		if (!current) throw new NotFound(m.correspondence_not_found());
		const stale = () =>
			new StaleRecord(toCorrespondenceFormValues(current, links), m.correspondence_error_stale());
		if (current.version !== version) throw stale();
		if (current.draft === 1 && input.referenceNumber !== null) {
			const message = m.correspondence_error_draft_reference();
			throw new RuleViolation(message, { referenceNumber: message });
		}
		await checkCorrespondenceReferences(tx, input);
		await checkThread(tx, input, correspondenceId);
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

/**
 * Registers a drafted letter: gives it the reference number the office assigns and the date it goes
 * out, and it is a draft no longer. The number is checked against the sender's others as on the form;
 * a letter saved by someone else since `version` was read, or registered already, is refused. Audited.
 */
export async function registerCorrespondence(
	db: Kysely<Database>,
	actor: Actor,
	correspondenceId: number,
	input: CorrespondenceRegisterInput,
	now = new Date()
): Promise<void> {
	authorize(actor, 'officer');
	await db.transaction().execute(async (tx) => {
		const current = await findCorrespondenceRow(tx, correspondenceId);
		if (!current) throw new NotFound(m.correspondence_not_found());
		if (current.draft !== 1) throw new Conflict(m.correspondence_error_registered_already());
		const stale = new Conflict(m.correspondence_error_stale_letter());
		if (current.version !== input.version) throw stale;
		for (const id of [current.in_reply_to_id, current.transmits_id]) {
			const other = id === null ? null : await findCorrespondenceRow(tx, id);
			if (other && other.dated_on > input.datedOn) {
				const message = m.correspondence_error_dated_before({
					subject: other.subject,
					date: formatCalendarDate(other.dated_on)
				});
				throw new RuleViolation(message, { datedOn: message });
			}
		}
		if (current.sender_organization_id !== null) {
			await checkReferenceUnused(tx, current.sender_organization_id, input.referenceNumber, correspondenceId);
		}
		const written = await updateCorrespondenceRow(tx, correspondenceId, input.version, {
			draft: 0,
			reference_number: input.referenceNumber,
			dated_on: input.datedOn,
			updated_at: now.toISOString()
		});
		if (!written) throw stale;
		await recordAction(tx, actor, {
			action: 'correspondence.register',
			entityType: 'correspondence',
			entityId: correspondenceId,
			before: { draft: 1, reference_number: null, dated_on: current.dated_on },
			after: { draft: 0, reference_number: input.referenceNumber, dated_on: input.datedOn }
		});
	});
}

/**
 * Discards a draft nobody has registered: it never had a reference number, so none is lost. A draft
 * with enclosed files keeps them until they are removed (refused here), and one saved by someone else
 * since `version` was read is refused. Audited with what it held; answers the events it was linked to.
 */
export async function discardDraft(
	db: Kysely<Database>,
	actor: Actor,
	correspondenceId: number,
	version: number
): Promise<number[]> {
	authorize(actor, 'officer');
	return db.transaction().execute(async (tx) => {
		const [current, links, files] = await Promise.all([
			findCorrespondenceRow(tx, correspondenceId),
			listEventsOfCorrespondence(tx, correspondenceId),
			listCorrespondenceFiles(tx, correspondenceId)
		]);
		if (!current) throw new NotFound(m.correspondence_not_found());
		if (current.draft !== 1) {
			throw new Conflict(m.correspondence_error_only_draft_discarded());
		}
		if (files.length > 0) {
			throw new Conflict(m.correspondence_error_remove_files_first());
		}
		const stale = new Conflict(m.correspondence_error_stale_draft());
		if (current.version !== version || !(await deleteDraftCorrespondence(tx, correspondenceId, version))) {
			throw stale;
		}
		const events = links.map((l) => ({ eventId: l.id, link: l.link }));
		const { id: _id, version: _version, created_at: _created, updated_at: _updated, ...held } = current;
		await recordAction(tx, actor, {
			action: 'correspondence.discard',
			entityType: 'correspondence',
			entityId: correspondenceId,
			eventId: events[0]?.eventId,
			before: { ...held, events }
		});
		return events.map((e) => e.eventId);
	});
}
