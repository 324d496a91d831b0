/**
 * The gifts register: the register page and one gift's page (each a fixed number of queries whatever
 * the size of the data), recording and editing a gift (optimistic concurrency through its version), the
 * event or visit it was given at, its photograph in the file store, and each year's report per person
 * and per organisation that declarations are drawn from.
 */
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { m } from '../../paraglide/messages.js';
import { recordAction, type Actor } from '../audit/audit';
import { authorize } from '../auth/authorize';
import {
	getChoices,
	getNamedChoices,
	type ChooserField,
	type NamedChoices
} from '../choosers/chooser.service';
import { csvCell, csvStream } from '../csv';
import { countExisting } from '../db/references';
import type { Database, Gift } from '../db/schema';
import { NotFound, RuleViolation } from '../errors';
import { sanitizeFileName } from '../files/file.name';
import { isContentHeld } from '../files/file.repository';
import { formatByteSize } from '../../format/sizes';
import type { FileStorage } from '../files/file.storage';
import { detectDocumentType } from '../files/file.type';
import type { Upload } from '../files/file.upload';
import { toPage, type Page, type PageRequest } from '../pagination';
import {
	insertVersionedRecord,
	reviseVersionedRecord,
	type VersionedRecord
} from '../records/versioned-record';
import { searchForLinks } from '../search/search.service';
import type { SearchGroup } from '../search/search.view';
import { formText } from '../validation';
import type { GiftFilter, GiftFormValues, GiftInput, GiftReportQuery } from './gift.input';
import { currencyExponent, formatMoney, fromMinorUnits, toMinorUnits } from './gift.money';
import {
	findEventTitle,
	findGift,
	findGiftRow,
	insertGift,
	listGifts,
	listGiftsOfParty,
	updateGiftAttachment
} from './gift.repository';
import { partyText, toGiftListItem, toGiftView, type GiftListItem, type GiftView } from './gift.view';

/** One page of the register, latest first. One query. */
export async function getGiftRegister(
	db: Kysely<Database>,
	{ page: request, ...filter }: GiftFilter & { page: PageRequest }
): Promise<{ gifts: Page<GiftListItem> }> {
	const rows = await listGifts(db, filter, request);
	const page = toPage(rows, request, (row) => [row.given_on, row.id]);
	return { gifts: { ...page, items: page.items.map(toGiftListItem) } };
}

export interface GiftPage {
	gift: GiftView;
	/** Events a search on the page found, to say the gift was given at one; null when nothing was searched. */
	found: SearchGroup[] | null;
}

/** The gift's page, or null when there is none: one query, and the search's when `find` names something. */
export async function findGiftPage(
	db: Kysely<Database>,
	giftId: number,
	{ find = '' }: { find?: string } = {}
): Promise<GiftPage | null> {
	const [row, found] = await Promise.all([
		findGift(db, giftId),
		find.trim() ? searchForLinks(db, find, ['event']) : null
	]);
	return row ? { gift: toGiftView(row), found } : null;
}

/** The form's fields chosen by name. */
export const GIFT_CHOOSERS: Record<string, ChooserField> = {
	giverPersonId: { kind: 'person' },
	giverOrganizationId: { kind: 'organization' },
	recipientPersonId: { kind: 'person' },
	recipientOrganizationId: { kind: 'organization' }
};

export interface GiftFormChoices {
	/** The people and organisations the form's values name (the choosers find any other). */
	named: NamedChoices;
	/** The event it was given at, when the form names one. */
	event: { id: number; title: string } | null;
}

/** What the gift form offers. Two queries at most. */
export async function getGiftFormChoices(
	db: Kysely<Database>,
	values: Partial<GiftFormValues>
): Promise<GiftFormChoices> {
	const eventId = Number(values.eventId);
	const [named, event] = await Promise.all([
		getNamedChoices(db, {
			person: [values.giverPersonId, values.recipientPersonId],
			organization: [values.giverOrganizationId, values.recipientOrganizationId]
		}),
		Number.isInteger(eventId) && eventId > 0 ? findEventTitle(db, eventId) : null
	]);
	return { named, event };
}

export function toGiftFormValues(row: Gift): GiftFormValues {
	return {
		direction: row.direction,
		givenOn: row.given_on,
		giverPersonId: formText(row.giver_person_id),
		giverOrganizationId: formText(row.giver_organization_id),
		recipientPersonId: formText(row.recipient_person_id),
		recipientOrganizationId: formText(row.recipient_organization_id),
		description: row.description,
		value:
			row.value_minor !== null && row.currency
				? fromMinorUnits(row.value_minor, currencyExponent(row.currency))
				: '',
		currency: formText(row.currency),
		disposition: row.disposition,
		dispositionOn: formText(row.disposition_on),
		dispositionNote: formText(row.disposition_note),
		notes: formText(row.notes),
		eventId: formText(row.event_id),
		version: String(row.version)
	};
}

/** The edit page's form, or null when there is no such gift. */
export async function findGiftForm(db: Kysely<Database>, giftId: number) {
	const row = await findGiftRow(db, giftId);
	if (!row) return null;
	const values = toGiftFormValues(row);
	return { description: row.description, values, choices: await getGiftFormChoices(db, values) };
}

function giftColumns(input: GiftInput) {
	const value =
		input.value !== null && input.currency !== null
			? toMinorUnits(input.value, currencyExponent(input.currency))
			: null;
	return {
		direction: input.direction,
		given_on: input.givenOn,
		event_id: input.eventId,
		giver_person_id: input.giverPersonId,
		giver_organization_id: input.giverOrganizationId,
		recipient_person_id: input.recipientPersonId,
		recipient_organization_id: input.recipientOrganizationId,
		description: input.description,
		value_minor: value,
		currency: input.currency,
		disposition: input.disposition,
		disposition_on: input.dispositionOn,
		disposition_note: input.dispositionNote,
		notes: input.notes
	};
}

/**
 * The people, organisations and event the form names must exist: refused beside each field of a kind
 * when one of that kind is gone (a form rarely names more than one of each).
 */
async function checkGiftReferences(tx: Kysely<Database>, input: GiftInput) {
	const fields = {
		person: { giverPersonId: input.giverPersonId, recipientPersonId: input.recipientPersonId },
		organization: {
			giverOrganizationId: input.giverOrganizationId,
			recipientOrganizationId: input.recipientOrganizationId
		},
		event: { eventId: input.eventId }
	};
	const named = (kind: keyof typeof fields) =>
		Object.entries(fields[kind]).filter((entry): entry is [string, number] => entry[1] !== null);
	const ids = (kind: keyof typeof fields) => [...new Set(named(kind).map(([, id]) => id))];
	const found = await countExisting(tx, {
		person: ids('person'),
		organization: ids('organization'),
		event: ids('event')
	});
	const messages = {
		person: m.gifts_error_person(),
		organization: m.gifts_error_organization(),
		event: m.gifts_error_event_gone()
	};
	for (const kind of ['person', 'organization', 'event'] as const) {
		if (found[kind] === ids(kind).length) continue;
		const errors = Object.fromEntries(named(kind).map(([field]) => [field, messages[kind]]));
		throw new RuleViolation(m.gifts_error_named_gone({ problem: messages[kind] }), errors);
	}
}

const GIFTS: VersionedRecord<GiftInput, ReturnType<typeof giftColumns>, Gift, GiftFormValues> = {
	entity: 'gift',
	// Read when a save is refused, in that request's language.
	get staleMessage() {
		return m.gifts_error_stale();
	},
	get missingMessage() {
		return m.gifts_page_not_found();
	},
	links: null,
	linksName: '',
	columns: giftColumns,
	linkIds: () => [],
	checkReferences: checkGiftReferences,
	insert: insertGift,
	findRow: findGiftRow,
	formValues: toGiftFormValues,
	eventIdOf: (columns) => columns.event_id
};

/** Records a gift; audited. */
export async function createGift(
	db: Kysely<Database>,
	actor: Actor,
	input: GiftInput,
	now = new Date()
): Promise<number> {
	authorize(actor, 'officer');
	return db.transaction().execute((tx) => insertVersionedRecord(tx, actor, GIFTS, input, now));
}

/**
 * Saves every field of the gift if nobody saved it since `version` was read; otherwise StaleRecord with
 * their version, and nothing written. Audited, before and after.
 */
export async function reviseGift(
	db: Kysely<Database>,
	actor: Actor,
	giftId: number,
	version: number,
	input: GiftInput,
	now = new Date()
): Promise<void> {
	authorize(actor, 'officer');
	await db
		.transaction()
		.execute((tx) => reviseVersionedRecord(tx, actor, GIFTS, giftId, version, input, now));
}

/** Says at which event or visit the gift was given (null: none); audited when it changed. */
export async function setGiftEvent(
	db: Kysely<Database>,
	actor: Actor,
	giftId: number,
	eventId: number | null,
	now = new Date()
): Promise<void> {
	authorize(actor, 'officer');
	await db.transaction().execute(async (tx) => {
		const gift = await findGiftRow(tx, giftId);
		if (!gift) throw new NotFound(m.gifts_page_not_found());
		if (gift.event_id === eventId) return;
		if (eventId !== null && !(await findEventTitle(tx, eventId))) {
			throw new NotFound(m.gifts_error_event_gone());
		}
		await updateGiftAttachment(tx, giftId, { event_id: eventId, updated_at: now.toISOString() });
		await recordAction(tx, actor, {
			action: 'gift.set_event',
			entityType: 'gift',
			entityId: giftId,
			eventId: eventId ?? gift.event_id,
			before: { event_id: gift.event_id },
			after: { event_id: eventId }
		});
	});
}

const PHOTO_TYPES = new Set(['image/jpeg', 'image/png']);
const refuse = (message: string) => new RuleViolation(message, { photo: message });

/**
 * Keeps the uploaded photograph of the gift, in place of the one it had: refused beside the field when
 * none came, it is empty, larger than `sizeLimit`, or not a JPEG or PNG image whatever its name says.
 * Audited. The staged upload is always gone afterwards; a replaced content leaves the store once
 * nothing holds it.
 */
export async function attachGiftPhoto(
	db: Kysely<Database>,
	actor: Actor,
	giftId: number,
	upload: Upload,
	sizeLimit: number,
	storage: FileStorage,
	now = new Date()
): Promise<void> {
	authorize(actor, 'officer');
	const staged = upload.file?.staged;
	let stored = false;
	try {
		if (upload.problem === 'too-large' || staged?.tooLarge) {
			throw refuse(m.gifts_photo_too_large({ limit: formatByteSize(sizeLimit) }));
		}
		if (upload.problem === 'malformed') throw refuse(m.gifts_photo_malformed());
		if (!upload.file || !staged) throw refuse(m.gifts_photo_choose());
		if (staged.size === 0) throw refuse(m.gifts_photo_empty());
		const type = await detectDocumentType(staged.path);
		if (!type || !PHOTO_TYPES.has(type)) {
			throw refuse(m.gifts_photo_not_image());
		}
		const name = sanitizeFileName(upload.file.name, type);
		const replaced = await db.transaction().execute(async (tx) => {
			const gift = await findGiftRow(tx, giftId);
			if (!gift) throw new NotFound(m.gifts_page_not_found());
			const photo = {
				photo_sha256: staged.sha256,
				photo_content_type: type,
				photo_size: staged.size,
				photo_name: name
			};
			await updateGiftAttachment(tx, giftId, { ...photo, updated_at: now.toISOString() });
			await recordAction(tx, actor, {
				action: 'gift.attach_photo',
				entityType: 'gift',
				entityId: giftId,
				eventId: gift.event_id,
				before: { photo_sha256: gift.photo_sha256, photo_name: gift.photo_name },
				after: { photo_sha256: staged.sha256, photo_name: name, photo_size: staged.size }
			});
			// Last, inside the transaction: should the store fail, the row is not written either.
			stored = await storage.put(staged.sha256, staged.path);
			return gift.photo_sha256;
		});
		if (replaced && replaced !== staged.sha256 && !(await isContentHeld(db, replaced))) {
			await storage.delete(replaced);
		}
	} catch (error) {
		if (stored && staged && !(await isContentHeld(db, staged.sha256))) await storage.delete(staged.sha256);
		throw error;
	} finally {
		await staged?.discard();
	}
}

/** Takes the photograph off the gift; audited. Its content leaves the store once nothing holds it. */
export async function removeGiftPhoto(
	db: Kysely<Database>,
	actor: Actor,
	giftId: number,
	storage: FileStorage,
	now = new Date()
): Promise<void> {
	authorize(actor, 'officer');
	const removed = await db.transaction().execute(async (tx) => {
		const gift = await findGiftRow(tx, giftId);
		if (!gift) throw new NotFound(m.gifts_page_not_found());
		if (!gift.photo_sha256) return null;
		const none = { photo_sha256: null, photo_content_type: null, photo_size: null, photo_name: null };
		await updateGiftAttachment(tx, giftId, { ...none, updated_at: now.toISOString() });
		await recordAction(tx, actor, {
			action: 'gift.remove_photo',
			entityType: 'gift',
			entityId: giftId,
			eventId: gift.event_id,
			before: { photo_sha256: gift.photo_sha256, photo_name: gift.photo_name }
		});
		return gift.photo_sha256;
	});
	// After the commit: content removed before it would be lost should the transaction fail.
	if (removed && !(await isContentHeld(db, removed))) await storage.delete(removed);
}

/** The gift's photograph, streamed from the store; null when it has none. */
export async function findGiftPhoto(
	db: Kysely<Database>,
	giftId: number,
	storage: FileStorage
): Promise<{ name: string; contentType: string; size: number; content: Readable } | null> {
	const gift = await findGiftRow(db, giftId);
	if (!gift?.photo_sha256 || !gift.photo_content_type || !gift.photo_name || !gift.photo_size) return null;
	const content = await storage.get(gift.photo_sha256);
	if (!content)
		throw new Error(
			`The photograph of gift ${giftId} (${gift.photo_sha256}) is missing from the file store.`
		);
	return { name: gift.photo_name, contentType: gift.photo_content_type, size: gift.photo_size, content };
}

export interface GiftReport {
	year: number;
	/** Whose gifts: the person or organisation chosen, by name; null until one is. */
	party: { kind: 'person' | 'organization'; id: number; name: string } | null;
	received: GiftListItem[];
	given: GiftListItem[];
	/** Estimated values added up per currency ("AZN 450.00"), never converted. */
	totals: { received: string[]; given: string[] };
}

function totalsOf(rows: { value_minor: number | null; currency: string | null }[]): string[] {
	const sums = new Map<string, number>();
	for (const row of rows) {
		if (row.value_minor !== null && row.currency)
			sums.set(row.currency, (sums.get(row.currency) ?? 0) + row.value_minor);
	}
	return [...sums]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([currency, sum]) => formatMoney(sum, currency));
}

/**
 * A year's gifts received and given by one person or organisation, in date order, with the values
 * added up per currency: what a declaration lists. Two queries (none before a party is chosen).
 */
export async function getGiftReport(db: Kysely<Database>, query: GiftReportQuery): Promise<GiftReport> {
	const asked =
		query.personId !== undefined
			? ({ kind: 'person', id: query.personId } as const)
			: query.organizationId !== undefined
				? ({ kind: 'organization', id: query.organizationId } as const)
				: null;
	const [named] = asked ? await getChoices(db, asked.kind, [asked.id]) : [];
	const party = asked && named ? { ...asked, name: named.label } : null;
	const rows = party ? await listGiftsOfParty(db, party, query.year) : [];
	// Seen from the party: what it received is where it is the recipient.
	const isRecipient = (row: (typeof rows)[number]) =>
		party?.kind === 'person'
			? row.recipient_person_id === party.id
			: row.recipient_organization_id === party?.id;
	const received = rows.filter(isRecipient);
	const given = rows.filter((row) => !isRecipient(row));
	return {
		year: query.year,
		party,
		received: received.map(toGiftListItem),
		given: given.map(toGiftListItem),
		totals: { received: totalsOf(received), given: totalsOf(given) }
	};
}

/** The columns of the report's CSV, one line per gift, received first. */
const REPORT_COLUMNS = [
	'Date',
	'Received or given',
	'From',
	'To',
	'Description',
	'Estimated value',
	'Event',
	'What became of it'
];

/** The report as CSV, named after its year and party: the report's queries. */
export async function getGiftReportCsv(
	db: Kysely<Database>,
	query: GiftReportQuery
): Promise<{ name: string; content: Readable }> {
	const report = await getGiftReport(db, query);
	const pages = (async function* () {
		yield [...report.received, ...report.given];
	})();
	const party = report.party ? `-${report.party.kind}-${report.party.id}` : '';
	const content = csvStream(REPORT_COLUMNS, pages, (gift) =>
		[
			gift.givenOn,
			gift.directionLabel,
			partyText(gift.giver),
			partyText(gift.recipient),
			gift.description,
			gift.value,
			gift.event?.title ?? null,
			gift.dispositionLabel
		].map(csvCell)
	);
	return { name: `gifts-${report.year}${party}.csv`, content };
}
