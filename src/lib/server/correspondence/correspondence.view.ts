/** What correspondence pages (and the event page) receive: chosen fields, labels resolved. */
import { formatPersonName } from '../../format/names';
import {
	correspondenceEventLinks,
	correspondenceKinds,
	type CorrespondenceEventLink,
	type CorrespondenceKind
} from '../../vocabulary';
import type { EventRef } from '../events/event.ref';
import { organizationRef, type OrganizationRef } from '../organizations/organization.ref';
import type {
	CorrespondenceDetailRow,
	CorrespondenceListRow,
	listEnclosures,
	listEventsOfCorrespondence,
	listTransmittals
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
}

/** A document listed on an event's page, with how it is linked to the event. */
export interface LinkedCorrespondenceItem extends CorrespondenceListItem {
	link: CorrespondenceEventLink;
	linkLabel: string;
}

export interface EnclosureView {
	description: string;
	pageCount: number | null;
	/** The enclosed document, when it is recorded in its own right. */
	enclosed: { id: number; referenceNumber: string | null; subject: string } | null;
}

export interface CorrespondenceEventView extends EventRef {
	link: CorrespondenceEventLink;
	linkLabel: string;
}

export interface CorrespondenceView extends CorrespondenceListItem {
	summary: string | null;
	signatory: CorrespondencePersonRef | null;
	addressee: CorrespondencePersonRef | null;
	enclosures: EnclosureView[];
	/** The documents that transmitted this one. */
	enclosedIn: { id: number; referenceNumber: string | null; kindLabel: string; subject: string }[];
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
		recipient: organizationRef(row.recipient_id, row.recipient_name, row.recipient_acronym)
	};
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
		enclosures: Rows<typeof listEnclosures>;
		transmittals: Rows<typeof listTransmittals>;
		events: Rows<typeof listEventsOfCorrespondence>;
	}
): CorrespondenceView {
	return {
		...toCorrespondenceListItem(row),
		summary: row.summary,
		signatory: personRef(
			row.signatory_id,
			row.signatory_honorific,
			row.signatory_given_name,
			row.signatory_family_name,
			row.signatory_position
		),
		addressee: personRef(
			row.addressee_id,
			row.addressee_honorific,
			row.addressee_given_name,
			row.addressee_family_name,
			row.addressee_position
		),
		enclosures: parts.enclosures.map((e) => ({
			description: e.description,
			pageCount: e.page_count,
			enclosed:
				e.enclosed_id !== null && e.enclosed_subject !== null
					? { id: e.enclosed_id, referenceNumber: e.enclosed_reference_number, subject: e.enclosed_subject }
					: null
		})),
		enclosedIn: parts.transmittals.map((t) => ({
			id: t.id,
			referenceNumber: t.reference_number,
			kindLabel: correspondenceKinds.labels[t.kind],
			subject: t.subject
		})),
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
