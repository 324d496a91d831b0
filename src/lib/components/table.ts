/** What the shared tables (EventTable, OutcomeTable, CorrespondenceTable, PersonTable) have in common. */
import type { Snippet } from 'svelte';

/** Room in a shared table for the page's own columns: where they stand, each table says. */
export interface PageColumns<T> {
	/** The header cells (`<th scope="col">`) of the page's own columns. */
	head?: Snippet;
	/** The cells (`<td>`) of the page's own columns in one row. */
	cells?: Snippet<[T]>;
}
