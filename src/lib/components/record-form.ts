/** What every record form (person, organisation, outcome, letter) takes from its new and edit pages. */
export interface RecordFormProps {
	values: Record<string, string>;
	errors: Record<string, string>;
	/** Set when someone else saved in between: their values are in `values`, the officer's in `yours`. */
	stale?: { message: string; yours: Record<string, string> } | null;
	submitLabel: string;
	cancelHref: string;
}
