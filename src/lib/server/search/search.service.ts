/**
 * Searching across events, people, organisations, outcomes, correspondence, agreements and projects, and keeping the index
 * current. Triggers on those tables list every changed record in search_pending, whoever changed it;
 * `refreshSearchIndex` writes their documents before each search answers (and once at start), so a
 * search always sees every change committed before it, and no other service has to know the index.
 */
import { inLocale } from '../i18n/locale';
import { baseLocale } from '../../paraglide/runtime.js';
import type { Kysely } from 'kysely';
import { listVenuesToIndex, replaceChooserWords } from '../choosers/chooser.repository';
import { chooserWords, isChooserKind } from '../choosers/chooser.words';
import type { ChooserKind, Database, PendingEntityType, SearchEntityType } from '../db/schema';
import { toPage, type PageRequest } from '../pagination';
import {
	agreementDocument,
	correspondenceDocument,
	eventDocument,
	organizationDocument,
	outcomeDocument,
	personDocument,
	projectDocument
} from './search.documents';
import {
	claimPendingDocuments,
	hasPendingDocuments,
	listAgreementsToIndex,
	listCorrespondenceToIndex,
	listEventsToIndex,
	listOrganizationsToIndex,
	listOutcomesToIndex,
	listPeopleToIndex,
	listProjectsToIndex,
	markEverythingPending,
	replaceDocuments,
	SEARCH_WINDOW,
	searchGrouped,
	type DocumentKey,
	searchOfType
} from './search.repository';
import { parseQuery } from './search.text';
import {
	searchTypes,
	toSearchGroups,
	type SearchGroup,
	toSearchHit,
	type SearchResultsView,
	type SearchTypeResultsView
} from './search.view';

/** Records whose documents are written in one transaction. */
const REFRESH_BATCH = 500;

/**
 * Writes the documents of every record changed since the last refresh (and removes those of records
 * that are gone). One query when nothing changed; otherwise, per batch of records, one transaction of
 * a fixed number of queries. Returns how many records it went through.
 */
export async function refreshSearchIndex(db: Kysely<Database>): Promise<number> {
	if (!(await hasPendingDocuments(db))) return 0;
	let done = 0;
	for (;;) {
		const claimed = await db.transaction().execute(async (tx) => {
			const keys = await claimPendingDocuments(tx, REFRESH_BATCH);
			const ids = (type: PendingEntityType) =>
				keys.filter((key) => key.entity_type === type).map((key) => key.entity_id);
			// One after another: inside a transaction they share its one connection.
			const events = await listEventsToIndex(tx, ids('event'));
			const people = await listPeopleToIndex(tx, ids('person'));
			const organizations = await listOrganizationsToIndex(tx, ids('organization'));
			const outcomes = await listOutcomesToIndex(tx, ids('outcome'));
			const letters = await listCorrespondenceToIndex(tx, ids('correspondence'));
			const agreements = await listAgreementsToIndex(tx, ids('agreement'));
			const projects = await listProjectsToIndex(tx, ids('project'));
			const venues = await listVenuesToIndex(tx, ids('venue'));
			// Labels and dates in the index are English whoever's request refreshes it (src/lib/server/i18n).
			const documents = inLocale(baseLocale, () => [
				...events.map(eventDocument),
				...people.map(personDocument),
				...organizations.map(organizationDocument),
				...outcomes.map(outcomeDocument),
				...letters.map(correspondenceDocument),
				...agreements.map(agreementDocument),
				...projects.map(projectDocument)
			]);
			await replaceDocuments(
				tx,
				keys.filter((key): key is DocumentKey => key.entity_type !== 'venue'),
				documents
			);
			// The choosers' words of the same records, from the same documents.
			await replaceChooserWords(
				tx,
				keys.filter((key): key is { entity_type: ChooserKind; entity_id: number } =>
					isChooserKind(key.entity_type)
				),
				chooserWords(documents, venues)
			);
			return keys.length;
		});
		done += claimed;
		if (claimed < REFRESH_BATCH) return done;
	}
}

/** Writes every document again, e.g. after the way documents are made has changed. */
export async function rebuildSearchIndex(db: Kysely<Database>): Promise<number> {
	await markEverythingPending(db);
	return refreshSearchIndex(db);
}

/**
 * The best `perType` matches of each type with each type's total. Costs the refresh check and one
 * query, whatever the size of the data.
 */
export async function searchEverything(
	db: Kysely<Database>,
	query: string,
	{ perType = 5 }: { perType?: number } = {}
): Promise<SearchResultsView> {
	const terms = parseQuery(query);
	if (terms.length === 0) {
		return { query, searched: false, total: 0, atLeast: false, firstMatches: SEARCH_WINDOW, groups: [] };
	}
	await refreshSearchIndex(db);
	const groups = toSearchGroups(await searchGrouped(db, terms, perType), terms);
	return {
		query,
		searched: true,
		total: groups.reduce((sum, g) => sum + g.total, 0),
		atLeast: groups.some((g) => g.atLeast),
		firstMatches: SEARCH_WINDOW,
		groups
	};
}

/**
 * The best matches of the given types only, for a page that links its record to others found by name
 * (the letters about an agreement, a project's events). The refresh check and one query.
 */
export async function searchForLinks(
	db: Kysely<Database>,
	query: string,
	types: readonly SearchEntityType[],
	perType = 8
): Promise<SearchGroup[]> {
	const results = await searchEverything(db, query, { perType });
	return results.groups.filter((group) => types.includes(group.type));
}

/** One page of the matches of one type, best first. */
export async function searchType(
	db: Kysely<Database>,
	query: string,
	type: SearchEntityType,
	request: PageRequest
): Promise<SearchTypeResultsView> {
	const terms = parseQuery(query);
	const label = searchTypes.find((t) => t.type === type)?.label ?? type;
	if (terms.length === 0) {
		return {
			query,
			searched: false,
			type,
			label,
			firstMatches: SEARCH_WINDOW,
			hits: { items: [], next: null, previous: null }
		};
	}
	await refreshSearchIndex(db);
	const rows = await searchOfType(db, terms, type, request);
	const page = toPage(rows, request, (row) => [row.score, row.entity_id]);
	return {
		query,
		searched: true,
		type,
		label,
		firstMatches: SEARCH_WINDOW,
		hits: { ...page, items: page.items.map((row) => toSearchHit(row, terms)) }
	};
}
