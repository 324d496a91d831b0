/**
 * Keyset pagination: a page is asked for by the sort key of the row it starts after (or ends before),
 * so page 10 000 costs what page 1 does. Cursors are opaque to pages and to users.
 */
export interface Page<T> {
	items: T[];
	/** Cursor for the page after this one, or null on the last page. */
	next: string | null;
	/** Cursor for the page before this one, or null on the first page. */
	previous: string | null;
}

export type SortKey = readonly (string | number)[];

/**
 * What each part of a list's sort key must be. Cursors come back from URLs that anyone can edit, and
 * PostgreSQL refuses a malformed timestamp outright: a cursor that does not fit is no cursor at all.
 */
export type CursorPart = 'instant' | 'date' | 'text' | 'id' | 'score';

const fitsPart: Record<CursorPart, (value: string | number) => boolean> = {
	instant: (v) =>
		typeof v === 'string' &&
		/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(v) &&
		!Number.isNaN(Date.parse(v)),
	date: (v) =>
		typeof v === 'string' &&
		/^\d{4}-\d{2}-\d{2}$/.test(v) &&
		new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v,
	text: (v) => typeof v === 'string' && v.length <= 1000,
	id: (v) => typeof v === 'number' && Number.isSafeInteger(v) && v > 0,
	/** A search relevance: any finite number. */
	score: (v) => typeof v === 'number' && Number.isFinite(v)
};

export interface PageRequest {
	/** Cursor of the row to start after (next page) … */
	after?: SortKey;
	/** … or to end before (previous page). */
	before?: SortKey;
	limit: number;
}

export function encodeCursor(key: SortKey): string {
	return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** A cursor from a URL; anything malformed or of another shape counts as no cursor (the first page). */
export function decodeCursor(
	cursor: string | null | undefined,
	shape: readonly CursorPart[]
): SortKey | undefined {
	if (!cursor || cursor.length > 4096) return undefined;
	try {
		const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
		if (
			Array.isArray(key) &&
			key.length === shape.length &&
			key.every(
				(value, i) => (typeof value === 'string' || typeof value === 'number') && fitsPart[shape[i]!](value)
			)
		) {
			return key;
		}
	} catch {
		// not base64url JSON: the first page
	}
	return undefined;
}

/** The page a list URL asks for (?after= or ?before=), its cursor checked against the list's sort key. */
export function pageRequest(url: URL, limit: number, shape: readonly CursorPart[]): PageRequest {
	const before = decodeCursor(url.searchParams.get('before'), shape);
	const after = before ? undefined : decodeCursor(url.searchParams.get('after'), shape);
	return { after, before, limit };
}

/**
 * Builds the page from rows fetched with limit + 1 in the direction asked: the extra row only says that
 * there is more. Rows fetched for a previous page come in reverse order and are turned back.
 */
export function toPage<T>(rows: T[], request: PageRequest, keyOf: (row: T) => SortKey): Page<T> {
	const backwards = request.before !== undefined;
	const hasMore = rows.length > request.limit;
	const items = rows.slice(0, request.limit);
	if (backwards) items.reverse();
	const first = items[0];
	const last = items[items.length - 1];
	const hasNext = backwards ? true : hasMore;
	const hasPrevious = backwards ? hasMore : request.after !== undefined;
	return {
		items,
		next: hasNext && last ? encodeCursor(keyOf(last)) : null,
		previous: hasPrevious && first ? encodeCursor(keyOf(first)) : null
	};
}

/** Rows fetched with limit + 1 for a page's short list: the items to show, and whether there are more. */
export function upTo<T>(rows: T[], limit: number): { items: T[]; more: boolean } {
	return { items: rows.slice(0, limit), more: rows.length > limit };
}

/**
 * Every row of a list, a page at a time in keyset order (each page one query, never the whole list in
 * memory): what a CSV export writes. `list` fetches limit + 1 rows after the cursor, as list queries do.
 */
export async function* everyPage<Row>(
	list: (request: PageRequest) => Promise<Row[]>,
	keyOf: (row: Row) => SortKey,
	pageSize = 500
): AsyncGenerator<Row[]> {
	let after: SortKey | undefined;
	for (;;) {
		const rows = await list({ after, limit: pageSize });
		const items = rows.slice(0, pageSize);
		if (items.length > 0) yield items;
		if (rows.length <= pageSize) return;
		after = keyOf(items[items.length - 1]!);
	}
}
