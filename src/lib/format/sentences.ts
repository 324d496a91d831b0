/** Sentences put together from parts. Client-safe. */

/**
 * Items of a sentence joined by "; " and ended with one full stop, whatever punctuation each item
 * ends with: never ".;" or "..".
 */
export function joinAsSentence(items: string[]): string {
	const trimmed = items.map((item) => item.trim().replace(/[.;,\s]+$/, '')).filter(Boolean);
	return trimmed.length === 0 ? '' : `${trimmed.join('; ')}.`;
}
