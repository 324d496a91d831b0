/** Links that keep the current query (the filters) and change only what they name. Client-safe. */
export function hrefWithQuery(url: URL, changes: Record<string, string | null>): string {
	const params = new URLSearchParams(url.searchParams);
	for (const [name, value] of Object.entries(changes)) {
		if (value === null) params.delete(name);
		else params.set(name, value);
	}
	const query = params.toString();
	return query ? `?${query}` : url.pathname;
}
