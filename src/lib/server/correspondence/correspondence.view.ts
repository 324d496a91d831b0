/** What correspondence pages (and the event page) receive: chosen fields, labels resolved. */
import { formatCalendarDate } from '../../format/datetime';
import { formatPersonName } from '../../format/names';
import { localizedOptionalColumn } from '../../i18n/localized-text';
import {
	correspondenceDirections,
	correspondenceEventLinks,
	correspondenceKinds,
	type CorrespondenceDirection,
	type CorrespondenceEventLink,
	type CorrespondenceKind
} from '../../vocabulary';
import type { EventRef } from '../events/event.ref';
import { organizationRef, type OrganizationRef } from '../organizations/organization.ref';
import type { CorrespondenceFileView } from './correspondence-file.view';
import type {
	CorrespondenceDetailRow,
	CorrespondenceListRow,
	listEventsOfCorrespondence,
	listThreadOf
} from './correspondence.repository';

type Rows<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>;

export interface CorrespondencePersonRef {
	id: number;
	name: string;
	/** The person's current position, as recorded in the directory. */
	position: string | null;
}

/** A document in brief, as every list of documents shows it. */
export interface CorrespondenceSummary {
	id: number;
	kind: CorrespondenceKind;
	kindLabel: string;
	/** As printed on the document: "Ref: 0451/13/21/26", "№ 09/1502". */
	referenceNumber: string | null;
	/** YYYY-MM-DD. */
	datedOn: string;
	subject: string;
}

/** A document with its date written out ("2 September 2021"), for a list of them (CorrespondenceTable). */
export type DatedDocument<T extends { datedOn: string } = CorrespondenceSummary> = T & { dated: string };

/** The document dated by the load, so that the page listing it formats no dates. */
export function datedDocument<T extends { datedOn: string }>(letter: T): DatedDocument<T> {
	return { ...letter, dated: formatCalendarDate(letter.datedOn) };
}

/** The columns a document summary is made from (in `correspondenceListColumns`). */
export interface CorrespondenceSummaryRow {
	id: number;
	kind: CorrespondenceKind;
	reference_number: string | null;
	dated_on: string;
	subject: string;
}

export interface CorrespondenceListItem extends CorrespondenceSummary {
	place: string | null;
	sender: OrganizationRef | null;
	recipient: OrganizationRef | null;
	/** Null for a document registered before its direction was asked. */
	direction: CorrespondenceDirection | null;
	directionLabel: string | null;
	/** Incoming, needing a reply, and none recorded yet. */
	awaitingReply: boolean;
	/** Drafted and not yet registered: it has no reference number yet. */
	draft: boolean;
}

/** A document listed on an event's page, with how it is linked to the event. */
export interface LinkedCorrespondenceItem extends CorrespondenceListItem {
	link: CorrespondenceEventLink;
	linkLabel: string;
}

/** Another document of the same thread: the one answered or transmitted, a reply, a transmittal. */
export type ThreadDocument = CorrespondenceSummary;

export interface CorrespondenceEventView extends EventRef {
	link: CorrespondenceEventLink;
	linkLabel: string;
}

export interface CorrespondenceView extends CorrespondenceListItem {
	summary: string | null;
	/** The text of a letter the office writes, as printed. */
	body: string | null;
	version: number;
	signatory: CorrespondencePersonRef | null;
	addressee: CorrespondencePersonRef | null;
	replyExpected: boolean;
	/** The document this one answers. */
	inReplyTo: ThreadDocument | null;
	/** The document this one carries with it. */
	transmits: ThreadDocument | null;
	/** The documents recorded as replies to this one. */
	replies: ThreadDocument[];
	/** The documents that transmitted this one. */
	transmittedBy: ThreadDocument[];
	/** The files it encloses. */
	files: CorrespondenceFileView[];
	events: CorrespondenceEventView[];
}

function personRef(
	id: number | null,
	honorific: string | null,
	givenName: string | null,
	familyName: string | null,
	position: string | null
): CorrespondencePersonRef | null {
	if (id === null || givenName === null || familyName === null) return null;
	return {
		id,
		name: formatPersonName({ honorific, given_name: givenName, family_name: familyName }),
		position
	};
}

export function toCorrespondenceSummary(row: CorrespondenceSummaryRow): CorrespondenceSummary {
	return {
		id: row.id,
		kind: row.kind,
		kindLabel: correspondenceKinds.labels[row.kind],
		referenceNumber: row.reference_number,
		datedOn: row.dated_on,
		subject: row.subject
	};
}

export function toCorrespondenceListItem(row: CorrespondenceListRow): CorrespondenceListItem {
	return {
		...toCorrespondenceSummary(row),
		place: row.place,
		sender: organizationRef(row.sender_id, row.sender_name, row.sender_acronym),
		recipient: organizationRef(row.recipient_id, row.recipient_name, row.recipient_acronym),
		direction: row.direction,
		directionLabel: row.direction ? correspondenceDirections.labels[row.direction] : null,
		awaitingReply: Number(row.awaiting_reply) === 1,
		draft: Number(row.draft) === 1
	};
}

/** A document the row names through a join, or null when it names none. */
function threadDocument(
	id: number | null,
	kind: CorrespondenceKind | null,
	referenceNumber: string | null,
	datedOn: string | null,
	subject: string | null
): ThreadDocument | null {
	if (id === null || kind === null || datedOn === null || subject === null) return null;
	return toCorrespondenceSummary({ id, kind, reference_number: referenceNumber, dated_on: datedOn, subject });
}

export function toLinkedCorrespondence(
	row: CorrespondenceListRow & { link: CorrespondenceEventLink }
): LinkedCorrespondenceItem {
	return {
		...toCorrespondenceListItem(row),
		link: row.link,
		linkLabel: correspondenceEventLinks.labels[row.link]
	};
}

export function toCorrespondenceView(
	row: CorrespondenceDetailRow,
	parts: {
		replies: Rows<typeof listThreadOf>;
		transmittals: Rows<typeof listThreadOf>;
		events: Rows<typeof listEventsOfCorrespondence>;
		files: CorrespondenceFileView[];
	}
): CorrespondenceView {
	return {
		...toCorrespondenceListItem(row),
		summary: row.summary,
		body: row.body,
		version: row.version,
		signatory: personRef(
			row.signatory_id,
			row.signatory_honorific,
			row.signatory_given_name,
			row.signatory_family_name,
			localizedOptionalColumn(row, 'signatory_position')?.text ?? null
		),
		addressee: personRef(
			row.addressee_id,
			row.addressee_honorific,
			row.addressee_given_name,
			row.addressee_family_name,
			localizedOptionalColumn(row, 'addressee_position')?.text ?? null
		),
		replyExpected: row.reply_expected === 1,
		inReplyTo: threadDocument(
			row.answered_id,
			row.answered_kind,
			row.answered_reference_number,
			row.answered_dated_on,
			row.answered_subject
		),
		transmits: threadDocument(
			row.transmitted_id,
			row.transmitted_kind,
			row.transmitted_reference_number,
			row.transmitted_dated_on,
			row.transmitted_subject
		),
		replies: parts.replies.map(toCorrespondenceSummary),
		transmittedBy: parts.transmittals.map(toCorrespondenceSummary),
		files: parts.files,
		events: parts.events.map((e) => ({
			id: e.id,
			title: e.title,
			startAt: e.start_at,
			timeZone: e.time_zone,
			link: e.link,
			linkLabel: correspondenceEventLinks.labels[e.link]
		}))
	};
}
