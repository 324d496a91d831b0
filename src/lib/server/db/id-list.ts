/**
 * A list of ids as one bound value, so that a query reading the rows of a page's records keeps one text
 * whatever their number and can be prepared (db/prepared.ts takes no list: `in (?, ?, …)` grows with it).
 * The ids travel as a JSON array, which each engine reads back into rows.
 */
import { PostgresAdapter, sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Database } from './schema';

/** The value `isInIdList` takes. */
export function idListValue(ids: readonly number[]): string {
	return JSON.stringify(ids);
}

/** `column` is one of the ids in `ids` (an idListValue, bound as one parameter), read through its index. */
export function isInIdList(
	db: Kysely<Database>,
	column: Expression<number>,
	ids: string
): Expression<SqlBool> {
	return db.getExecutor().adapter instanceof PostgresAdapter
		? // An array computed once, so that the index is searched for each id as with a written list.
			sql<SqlBool>`${column} = any(array(select jsonb_array_elements_text(cast(${ids} as jsonb))::integer))`
		: sql<SqlBool>`${column} in (select value from json_each(${ids}))`;
}
