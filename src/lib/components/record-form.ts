/** What every record form (person, organisation, outcome, letter) takes from its new and edit pages. */
export interface RecordFormProps {
	values: Record<string, string>;
	errors: Record<string, string>;
	/** Set when someone else saved in between: their values are in `values`, the officer's in `yours`. */
	stale?: { message: string; yours: Record<string, string> } | null;
	submitLabel: string;
	cancelHref: string;
}

/** What a set of fields several forms share takes (a person's, a post's): what to show and the errors. */
export interface FieldSetProps {
	values: Partial<Record<string, string>>;
	errors: Partial<Record<string, string>>;
	/** The organisations to choose from, as [id, name] pairs. */
	organizations: Choices;
}

/**
 * A form's fields by name: `field('rank')` is the name, its label (from the labels the stale notice
 * reads too, so the two never differ), the value to show and the error beside it, to spread onto a
 * FormField, SelectField or TextAreaField.
 */
export function bindFields<Name extends string>(
	labels: Record<Name, string>,
	values: Partial<Record<string, string>>,
	errors: Partial<Record<string, string>>
) {
	return (name: Name) => ({ name, label: labels[name], value: values[name] ?? '', error: errors[name] });
}

/** [id, name] pairs a form chooses from, as the record forms' lists hold them. */
export type Choices = readonly (readonly [number, string])[];

/** The names of the chosen ids (one, or several comma-separated), for a notice people read. */
export function chosenNames(choices: Choices, ids: string | undefined): string {
	const names = new Map(choices.map(([id, name]) => [String(id), name]));
	return (ids ?? '')
		.split(',')
		.filter(Boolean)
		.map((id) => names.get(id) ?? '')
		.join('; ');
}

/** A closed vocabulary's values with their labels, as a select's options. */
export function vocabularyOptions<T extends string>(vocabulary: {
	values: readonly T[];
	labels: Record<T, string>;
}): (readonly [T, string])[] {
	return vocabulary.values.map((value) => [value, vocabulary.labels[value]] as const);
}
