/**
 * The words a chooser finds a record by: those of the title its search document is matched by (a
 * person's names, an organisation's name and acronym, a letter's subject and reference number), and a
 * venue's name and city, each folded and with its spelling key as search.text.ts makes them.
 */
import type { ChooserKind, PendingEntityType } from '../db/schema';
import type { SearchDocument } from '../search/search.repository';
import { indexTerms } from '../search/search.text';
import type { ChooserWord } from './chooser.repository';

export const CHOOSER_KINDS = [
	'organization',
	'person',
	'correspondence',
	'venue'
] as const satisfies readonly ChooserKind[];

export function isChooserKind(type: PendingEntityType | string): type is ChooserKind {
	return (CHOOSER_KINDS as readonly string[]).includes(type);
}

/** Longer words are not names anyone types; the index stays small. */
const MAX_WORD_LENGTH = 64;

function wordsOf(entity_type: ChooserKind, entity_id: number, terms: string): ChooserWord[] {
	const words = new Set(terms.split(' ').filter((w) => w !== '' && w.length <= MAX_WORD_LENGTH));
	return [...words].map((word) => ({ entity_type, entity_id, word }));
}

export function chooserWords(
	documents: readonly SearchDocument[],
	venues: readonly { id: number; name: string; city: string | null }[]
): ChooserWord[] {
	return [
		...documents.flatMap((doc) =>
			isChooserKind(doc.entity_type) ? wordsOf(doc.entity_type, doc.entity_id, doc.title_terms) : []
		),
		...venues.flatMap((venue) => wordsOf('venue', venue.id, indexTerms(venue.name, venue.city)))
	];
}
