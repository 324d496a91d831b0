/**
 * One closed list per module, so that a page's JavaScript carries the labels of the lists it shows and no
 * others (src/lib/vocabulary.ts gathers them).
 */

/**
 * A closed list: its stored codes (values) and the words for them (labels), each label read in the
 * reader's language at the moment it is read (messages/{locale}/vocabulary.json, keys
 * vocabulary_<list>_<code>). Codes are never translated; only labels are.
 */
export type Message = (inputs?: Record<string, never>, options?: { locale?: 'en' | 'az' | 'ru' }) => string;

export function vocabulary<const T extends Record<string, Message>>(messages: T) {
	const labels = {} as { readonly [K in keyof T]: string };
	for (const [value, message] of Object.entries(messages)) {
		Object.defineProperty(labels, value, { get: () => message(), enumerable: true });
	}
	/** A code's label in a given language, whatever the reader's (reading a file typed in any of them). */
	const labelIn = (value: keyof T & string, locale: 'en' | 'az' | 'ru') => messages[value]!({}, { locale });
	return { values: Object.keys(messages) as (keyof T & string)[], labels, labelIn };
}
