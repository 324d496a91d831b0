/**
 * The tail every keyset-paginated list query ends with (see src/lib/server/pagination.ts): the rows
 * after the cursor in the list's order, that order, and limit + 1 rows, the extra one only saying that
 * there is more. A previous page is read from the cursor the other way and turned back by `toPage`.
 */
import { sql, type Expression, type SelectQueryBuilder, type SqlBool, type StringReference } from 'kysely';
import type { PageRequest, SortKey } from '../pagination';

/** One part of a sort key: a column, or an expression that is never null. */
export type KeyPart<DB, TB extends keyof DB> = StringReference<DB, TB> | Expression<unknown>;

export interface Keyset<DB, TB extends keyof DB> {
	/** The list's sort key, most significant part first; the last part makes it unique (an id). */
	key: readonly KeyPart<DB, TB>[];
	/** The order of the list as shown. */
	order: 'asc' | 'desc';
	/**
	 * For a cursor that names the row to start from instead of holding its key (a participant's id): that
	 * row's key as the database reads it, or undefined when the cursor names no row.
	 */
	keyOfCursor?: (cursor: SortKey) => Expression<unknown> | undefined;
}

/**
 * The page of `query` that `page` asks for, in keyset order: where, order by and limit. `fetch` is the
 * number of rows to read, limit + 1, given apart only by a prepared query (a placeholder, see db/prepared.ts).
 */
export function pageByKeyset<DB, TB extends keyof DB, O>(
	query: SelectQueryBuilder<DB, TB, O>,
	page: PageRequest,
	keyset: Keyset<DB, TB>,
	fetch: number = page.limit + 1
): SelectQueryBuilder<DB, TB, O> {
	const ascending = (keyset.order === 'asc') !== (page.before !== undefined);
	const parts = keyset.key.map((part) => (typeof part === 'string' ? sql.ref(part) : part));
	const cursor = page.before ?? page.after;
	const bound = cursor && boundOf(cursor, keyset);
	const comparison = sql.raw(ascending ? '>' : '<');
	let paged = query;
	if (bound) {
		// A row value compared as a whole: one index range scan on SQLite and PostgreSQL alike.
		const row = parts.length === 1 ? parts[0]! : sql`(${sql.join(parts)})`;
		paged = paged.where(sql<SqlBool>`${row} ${comparison} ${bound}`);
	}
	for (const part of parts) paged = paged.orderBy(part, ascending ? 'asc' : 'desc');
	return paged.limit(fetch);
}

function boundOf<DB, TB extends keyof DB>(cursor: SortKey, keyset: Keyset<DB, TB>) {
	if (keyset.keyOfCursor) return keyset.keyOfCursor(cursor);
	if (cursor.length !== keyset.key.length) return undefined;
	return cursor.length === 1 ? sql`${cursor[0]}` : sql`(${sql.join(cursor)})`;
}
