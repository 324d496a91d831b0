/**
 * What each kind of record puts in the search index: the words a result shows (title, a line of detail,
 * longer text for a snippet) and the folded terms that are matched — the record's name or title weighs
 * more than the rest. Only a record's own columns go in, so a change to the record alone (which its
 * trigger notices) is all that can make its document stale. Private contact details never go in.
 */
import { formatCalendarDate, formatShortDate } from '../../format/datetime';
import { formatOrganizationName, formatPersonName } from '../../format/names';
import {
	correspondenceKinds,
	eventKinds,
	eventStatuses,
	organizationKinds,
	outcomeKinds,
	outcomeStatuses
} from '../../vocabulary';
import type {
	listCorrespondenceToIndex,
	listEventsToIndex,
	listOrganizationsToIndex,
	listOutcomesToIndex,
	listPeopleToIndex,
	SearchDocument
} from './search.repository';
import { indexTerms } from './search.text';

type Row<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>[number];

const line = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' · ') || null;
const paragraphs = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join('\n\n') || null;

export function eventDocument(row: Row<typeof listEventsToIndex>): SearchDocument {
	const unusual = row.status === 'cancelled' || row.status === 'postponed' || row.status === 'draft';
	return {
		entity_type: 'event',
		entity_id: row.id,
		title: row.title,
		detail: line(
			eventKinds.labels[row.kind],
			formatShortDate(row.start_at, row.time_zone),
			unusual ? eventStatuses.labels[row.status] : null
		),
		body: paragraphs(row.theme, row.description, row.status_reason),
		title_terms: indexTerms(row.title),
		body_terms: indexTerms(row.theme, row.description, row.status_reason)
	};
}

export function personDocument(row: Row<typeof listPeopleToIndex>): SearchDocument {
	return {
		entity_type: 'person',
		entity_id: row.id,
		title: formatPersonName(row),
		detail: line(row.native_name, row.position),
		body: paragraphs(row.rank, row.notes),
		title_terms: indexTerms(row.given_name, row.family_name, row.native_name),
		body_terms: indexTerms(row.position, row.rank, row.notes)
	};
}

export function organizationDocument(row: Row<typeof listOrganizationsToIndex>): SearchDocument {
	return {
		entity_type: 'organization',
		entity_id: row.id,
		title: formatOrganizationName(row),
		detail: line(organizationKinds.labels[row.kind], row.city),
		body: row.notes,
		title_terms: indexTerms(row.name, row.acronym),
		body_terms: indexTerms(row.city, row.notes)
	};
}

export function outcomeDocument(row: Row<typeof listOutcomesToIndex>): SearchDocument {
	return {
		entity_type: 'outcome',
		entity_id: row.id,
		title: row.title,
		detail: line(
			outcomeKinds.labels[row.kind],
			outcomeStatuses.labels[row.status],
			row.signed_on ? `signed ${formatCalendarDate(row.signed_on)}` : null,
			row.signed_place
		),
		body: row.text,
		title_terms: indexTerms(row.title),
		body_terms: indexTerms(row.text, row.signed_place)
	};
}

export function correspondenceDocument(row: Row<typeof listCorrespondenceToIndex>): SearchDocument {
	return {
		entity_type: 'correspondence',
		entity_id: row.id,
		title: row.subject,
		detail: line(
			correspondenceKinds.labels[row.kind],
			row.reference_number,
			formatCalendarDate(row.dated_on),
			row.place
		),
		body: row.summary,
		title_terms: indexTerms(row.subject, row.reference_number),
		body_terms: indexTerms(row.summary, row.place)
	};
}
