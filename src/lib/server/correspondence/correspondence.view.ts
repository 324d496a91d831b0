/** What correspondence pages (and the event page) receive: chosen fields, labels resolved. */
import { formatPersonName } from '../../format/names';
import {
	correspondenceEventLinks,
	correspondenceKinds,
	type CorrespondenceEventLink,
	type CorrespondenceKind
} from '../../vocabulary';
import type {
	CorrespondenceDetailRow,
	CorrespondenceListRow,
	listEnclosures,
	listEventsOfCorrespondence,
	listTransmittals
} from './correspondence.repository';

type Rows<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>;

export interface CorrespondenceOrganizationRef {
	id: number;
	name: string;
	acronym: string | null;
}

export interface CorrespondencePersonRef {
	id: number;
	name: string;
	/** The person's current position, as recorded in the directory. */
	position: string | null;
}

export interface CorrespondenceListItem {
	id: number;
	kind: CorrespondenceKind;
	kindLabel: string;
	/** As printed on the document: "Ref: 0451/13/21/26", "№ 09/1502". */
	referenceNumber: string | null;
	/** YYYY-MM-DD. */
	datedOn: string;
	place: string | null;
	subject: string;
	sender: CorrespondenceOrganizationRef | null;
	recipient: CorrespondenceOrganizationRef | null;
}

export interface EnclosureView {
	description: string;
	pageCount: number | null;
	/** The enclosed document, when it is recorded in its own right. */
	enclosed: { id: number; referenceNumber: string | null; subject: string } | null;
}

export interface CorrespondenceEventView {
	id: number;
	title: string;
	startAt: string;
	timeZone: string;
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

function organizationRef(id: number | null, name: string | null, acronym: string | null) {
	return id !== null && name !== null ? { id, name, acronym } : null;
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

export function toCorrespondenceListItem(row: CorrespondenceListRow): CorrespondenceListItem {
	return {
		id: row.id,
		kind: row.kind,
		kindLabel: correspondenceKinds.labels[row.kind],
		referenceNumber: row.reference_number,
		datedOn: row.dated_on,
		place: row.place,
		subject: row.subject,
		sender: organizationRef(row.sender_id, row.sender_name, row.sender_acronym),
		recipient: organizationRef(row.recipient_id, row.recipient_name, row.recipient_acronym)
	};
}

export function toLinkedCorrespondence(
	row: CorrespondenceListRow & { link: CorrespondenceEventLink }
): CorrespondenceListItem & { link: CorrespondenceEventLink; linkLabel: string } {
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
