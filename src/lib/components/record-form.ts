import type { ChooserState } from '$lib/server/choosers/chooser.service';
import type { ChoiceView, NamedChoices } from '$lib/server/choosers/chooser.view';
import type { ChooserKind } from '$lib/server/db/schema';
import type { RecordFormWords } from '$lib/server/i18n/record-form.words';

/** What every record form (person, organisation, outcome, letter) takes from its new and edit pages. */
export interface RecordFormProps {
	values: Record<string, string>;
	errors: Record<string, string>;
	/** Set when someone else saved in between: their values are in `values`, the officer's in `yours`. */
	stale?: { message: string; yours: Record<string, string> } | null;
	submitLabel: string;
	cancelHref: string;
	/** The words around the fields, in the reader's language (recordFormWords, from the page's load). */
	words: RecordFormWords;
	/** After a refusal: the form's choosers as submitted (what they chose, candidates to pick from). */
	choosers?: Record<string, ChooserState>;
}

/** What a set of fields several forms share takes (a person's, a post's): what to show and the errors. */
export interface FieldSetProps {
	values: Partial<Record<string, string>>;
	errors: Partial<Record<string, string>>;
	/** The records the values name, for the choosers (they find any other). */
	named: NamedChoices;
	/** After a refusal: the choosers as submitted. */
	choosers?: Record<string, ChooserState>;
}

/**
 * A form's fields by name: `field('rank')` is the name, its label (from the labels the stale notice
 * reads too, so the two never differ), the value to show and the error beside it, to spread onto a
 * Field.
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

/** The label of a vocabulary's value as the stale notice reads it; '' for none. */
export function vocabularyLabel(vocabulary: { labels: Record<string, string> }, value: string | undefined) {
	return vocabulary.labels[value ?? ''] ?? '';
}

/** A closed vocabulary's values with their labels, as a select's options. */
export function vocabularyOptions<T extends string>(vocabulary: {
	values: readonly T[];
	labels: Record<T, string>;
}): (readonly [T, string])[] {
	return vocabulary.values.map((value) => [value, vocabulary.labels[value]] as const);
}

/**
 * A form's choosers by name, as `bindFields` binds its fields: the name, label and error, and what the
 * chooser shows — as submitted after a refusal, else the records the values name (`named`, read by the
 * page's load), to spread onto a RecordChooser.
 */
export function bindChoosers<Name extends string>(
	labels: Record<Name, string>,
	values: Partial<Record<string, string>>,
	errors: Partial<Record<string, string>>,
	named: NamedChoices,
	choosers: Record<string, ChooserState> | undefined
) {
	return (name: Name, kind: ChooserKind) => {
		const state = choosers?.[name];
		return {
			name,
			kind,
			label: labels[name] ?? name,
			error: errors[name],
			chosen: state?.chosen ?? chosenOf(named[kind], values[name]),
			text: state?.text,
			candidates: state?.candidates ?? []
		};
	};
}

/** The named records of the chosen ids (one, or several comma-separated), in their order. */
export function chosenOf(named: ChoiceView[] | undefined, ids: string | undefined): ChoiceView[] {
	return (ids ?? '')
		.split(',')
		.filter(Boolean)
		.flatMap((id) => named?.filter((choice) => String(choice.id) === id) ?? []);
}

/** The names of the chosen ids, for a notice people read. */
export function namesOf(named: ChoiceView[] | undefined, ids: string | undefined): string {
	return chosenOf(named, ids)
		.map((choice) => choice.label)
		.join('; ');
}
