/**
 * The words of a page or a shared component, made on the server in the request's language and sent with
 * the page's data, so that its components show them as given instead of importing the message functions
 * (each of which carries its text in all three languages to the browser: several KiB gzip on a page with
 * many words; see docs/performance.md). The language changes only by a reload, which loads them again.
 *
 *     const words = defineWords({ participants_title: m.participants_title, ... });
 *     export const load = () => ({ words: words() });
 *
 * A message with {placeholders} becomes a template for `fill` (src/lib/words.ts); a closed list
 * (src/lib/vocabulary.ts) becomes its labels by code, in the list's order. Made once per language.
 */
import { getLocale, type Locale } from '../../paraglide/runtime.js';
import type { Template } from '../../words';

type Message = (inputs: never) => string;
interface Vocabulary<Code extends string> {
	values: Code[];
	labelIn(value: Code, locale: Locale): string;
}

/** What a message becomes: its text, or a template when it takes values. */
export type Word<M> =
	M extends Vocabulary<infer Code>
		? { readonly [C in Code]: string }
		: M extends (inputs: infer Inputs) => string
			? object extends Inputs
				? string
				: Template<Inputs>
			: never;

export type Words<Messages> = { readonly [Name in keyof Messages]: Word<Messages[Name]> };

/** Each placeholder given back as itself, `{name}`, for the browser to fill in. */
const placeholders = new Proxy(
	{},
	{ get: (_, name) => (typeof name === 'string' ? `{${name}}` : undefined) }
) as never;

function wordOf(source: Message | Vocabulary<string>, locale: Locale) {
	if (typeof source === 'function') return source(placeholders);
	return Object.fromEntries(source.values.map((code) => [code, source.labelIn(code, locale)]));
}

export function defineWords<Messages extends Record<string, Message | Vocabulary<string>>>(
	messages: Messages
): () => Words<Messages> {
	const made = new Map<Locale, Words<Messages>>();
	return () => {
		const locale = getLocale();
		let words = made.get(locale);
		if (words === undefined) {
			words = Object.fromEntries(
				Object.entries(messages).map(([name, source]) => [name, wordOf(source, locale)])
			) as Words<Messages>;
			made.set(locale, words);
		}
		return words;
	};
}
