/**
 * What an edit changes: the columns whose new value differs from the stored one, with both values for
 * the audit entry. An edit that changes nothing writes nothing.
 */
export function diffColumns<Next extends Record<string, unknown>>(
	current: { [K in keyof Next]: unknown },
	next: Next
): { changed: boolean; before: Record<string, unknown>; after: Record<string, unknown> } {
	const keys = (Object.keys(next) as (keyof Next & string)[]).filter((key) => next[key] !== current[key]);
	return {
		changed: keys.length > 0,
		before: Object.fromEntries(keys.map((key) => [key, current[key]])),
		after: Object.fromEntries(keys.map((key) => [key, next[key]]))
	};
}
