/**
 * What a database plans to do with a query, for tests that check a page is served by an index rather
 * than by reading a whole table and sorting it.
 */
import { CompiledQuery } from 'kysely';
import type { TestDatabase } from './databases';

/**
 * The plan as text: SQLite's EXPLAIN QUERY PLAN details, or PostgreSQL's EXPLAIN with sequential scans
 * switched off — test tables are small enough to be read whole anyway, so this asks what the indexes allow.
 */
export async function planOf(handle: TestDatabase, query: CompiledQuery): Promise<string> {
	if (handle.engine === 'postgres') {
		// Fresh statistics, so that the plan is the one the data asks for.
		await handle.db.executeQuery(CompiledQuery.raw('analyze'));
		return handle.db.transaction().execute(async (tx) => {
			await tx.executeQuery(CompiledQuery.raw('set local enable_seqscan = off'));
			const { rows } = await tx.executeQuery<{ 'QUERY PLAN': string }>(
				CompiledQuery.raw(`explain ${query.sql}`, [...query.parameters])
			);
			return rows.map((r) => r['QUERY PLAN']).join('\n');
		});
	}
	const { rows } = await handle.db.executeQuery<{ detail: string }>(
		CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters])
	);
	return rows.map((r) => r.detail).join('\n');
}
