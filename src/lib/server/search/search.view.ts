/** What the search page receives: results grouped by type, the matched words marked as segments. */
import type { SearchEntityType } from '../db/schema';
import type { Page } from '../pagination';
import type { GroupedHitRow, SearchHitRow } from './search.repository';
import { highlight, snippet, type SearchTerms, type Segment } from './search.text';

/** The types in the order the page shows them, with their headings. */
export const searchTypes: readonly { type: SearchEntityType; label: string; one: string }[] = [
	{ type: 'event', label: 'Events', one: 'event' },
	{ type: 'person', label: 'People', one: 'person' },
	{ type: 'organization', label: 'Organisations', one: 'organisation' },
	{ type: 'outcome', label: 'Outcomes', one: 'outcome' },
	{ type: 'correspondence', label: 'Correspondence', one: 'document' },
	{ type: 'agreement', label: 'Agreements', one: 'agreement' },
	{ type: 'project', label: 'Projects', one: 'project' }
];

const PATHS: Record<SearchEntityType, string> = {
	event: '/events',
	person: '/people',
	organization: '/organizations',
	outcome: '/outcomes',
	correspondence: '/correspondence',
	agreement: '/agreements',
	project: '/projects'
};

export interface SearchHit {
	type: SearchEntityType;
	id: number;
	href: string;
	/** Shown text cut into pieces; `mark` pieces matched the query. Never HTML. */
	title: Segment[];
	detail: Segment[] | null;
	/** Where the longer text matched, when it did. */
	snippet: Segment[] | null;
}

export interface SearchGroup {
	type: SearchEntityType;
	label: string;
	/** How many of this type matched in all; more than `hits` when the page shows only the best. */
	total: number;
	/** The total is a floor: only the latest CANDIDATES matches were counted and ranked. */
	atLeast: boolean;
	hits: SearchHit[];
}

export interface SearchResultsView {
	/** The query as typed. */
	query: string;
	/** False when the query held no word to look for (empty, or punctuation only). */
	searched: boolean;
	total: number;
	/** Some group's total is a floor, so this one is too. */
	atLeast: boolean;
	/**
	 * How many of the latest matches were ranked (SEARCH_WINDOW). When `atLeast`, these are the first of
	 * more: the page can say "the best of the latest N matches; refine the search to find others".
	 */
	firstMatches: number;
	/** Only the types that matched, in page order. */
	groups: SearchGroup[];
}

export interface SearchTypeResultsView {
	query: string;
	searched: boolean;
	type: SearchEntityType;
	label: string;
	/** The pages go through the latest this many matches of every kind (SEARCH_WINDOW), no further. */
	firstMatches: number;
	hits: Page<SearchHit>;
}

export function toSearchHit(row: SearchHitRow, terms: SearchTerms): SearchHit {
	return {
		type: row.entity_type,
		id: row.entity_id,
		href: `${PATHS[row.entity_type]}/${row.entity_id}`,
		title: highlight(row.title, terms),
		detail: row.detail ? highlight(row.detail, terms) : null,
		snippet: row.body ? snippet(row.body, terms) : null
	};
}

export function toSearchGroups(rows: GroupedHitRow[], terms: SearchTerms): SearchGroup[] {
	return searchTypes
		.map(({ type, label }) => {
			const ofType = rows.filter((row) => row.entity_type === type);
			return {
				type,
				label,
				total: ofType[0]?.total ?? 0,
				atLeast: ofType[0]?.atLeast ?? false,
				hits: ofType.map((row) => toSearchHit(row, terms))
			};
		})
		.filter((group) => group.hits.length > 0);
}
