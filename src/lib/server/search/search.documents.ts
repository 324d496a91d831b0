/**
 * What each kind of record puts in the search index: the words a result shows (title, a line of detail,
 * longer text for a snippet) and the folded terms that are matched — the record's name or title weighs
 * more than the rest. Only a record's own columns go in, so a change to the record alone (which its
 * trigger notices) is all that can make its document stale. Private contact details never go in.
 */
import { formatCalendarDate, formatShortDate } from '../../format/datetime';
import { toProjectRef } from '../projects/project.ref';
import { formatOrganizationName, formatPersonName } from '../../format/names';
import {
	correspondenceKinds,
	eventKinds,
	eventStatuses,
	organizationKinds,
	outcomeKinds,
	outcomeStatuses,
	projectProgrammes
} from '../../vocabulary';
import type {
	listAgreementsToIndex,
	listCorrespondenceToIndex,
	listEventsToIndex,
	listOrganizationsToIndex,
	listOutcomesToIndex,
	listPeopleToIndex,
	listProjectsToIndex,
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
		// Every version of the title is matched, so a search in any language finds the event.
		title_terms: indexTerms(row.title, row.title_az, row.title_en, row.title_ru),
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
		// Every version of the current post is matched, as every version of a title is.
		body_terms: indexTerms(
			row.position,
			row.position_az,
			row.position_en,
			row.position_ru,
			row.rank,
			row.notes
		)
	};
}

export function organizationDocument(row: Row<typeof listOrganizationsToIndex>): SearchDocument {
	return {
		entity_type: 'organization',
		entity_id: row.id,
		title: formatOrganizationName(row),
		detail: line(organizationKinds.labels[row.kind], row.city),
		body: row.notes,
		title_terms: indexTerms(row.name, row.acronym, row.name_az, row.name_en, row.name_ru),
		body_terms: indexTerms(row.city, row.notes)
	};
}

export function outcomeDocument(row: Row<typeof listOutcomesToIndex>): SearchDocument {
	return {
		entity_type: 'outcome',
		entity_id: row.id,
		title: row.title,
		detail: line(outcomeKinds.labels[row.kind], outcomeStatuses.labels[row.status]),
		body: row.text,
		title_terms: indexTerms(row.title),
		body_terms: indexTerms(row.text)
	};
}

/** Its state is left out: it follows from the dates and the day, which no trigger notices passing. */
export function agreementDocument(row: Row<typeof listAgreementsToIndex>): SearchDocument {
	return {
		entity_type: 'agreement',
		entity_id: row.id,
		title: row.title,
		detail: line(
			'Agreement',
			row.signed_on ? `signed ${formatCalendarDate(row.signed_on)}` : null,
			row.signed_place
		),
		body: paragraphs(row.summary, row.approval_act),
		title_terms: indexTerms(row.title),
		body_terms: indexTerms(row.summary, row.signed_place, row.approval_act)
	};
}

export function projectDocument(row: Row<typeof listProjectsToIndex>): SearchDocument {
	const project = toProjectRef(row);
	return {
		entity_type: 'project',
		entity_id: row.id,
		title: row.title,
		detail: line('Project', project.programmeLabel, project.stateLabel, project.period),
		body: row.description,
		title_terms: indexTerms(row.title),
		body_terms: indexTerms(row.description, row.programme ? projectProgrammes.labels[row.programme] : null)
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
