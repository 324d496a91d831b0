/**
 * Words a page receives from its server load, already in the reader's language (made by `defineWords`,
 * src/lib/server/i18n/words.ts): the browser is then not sent each of them in three languages. A word
 * with {placeholders} arrives as a template, which `fill` completes where the page knows the values.
 * Shown as text, escaped like any other.
 */

declare const inputs: unique symbol;

/** A sentence with {placeholders}, typed by the values it needs. */
export type Template<Inputs> = string & { readonly [inputs]?: Inputs };

/** The template with each {name} replaced by its value (once: a value's own braces stay as they are). */
export function fill<Inputs extends object>(template: Template<Inputs>, values: Inputs): string {
	const given = values as Record<string, unknown>;
	return template.replace(/\{([^}]*)\}/g, (whole, name: string) =>
		name in given ? String(given[name]) : whole
	);
}
