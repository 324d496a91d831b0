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
export function planOf(handle: TestDatabase, query: CompiledQuery): Promise<string> {
	return explain(handle, query, { sorts: true, analyze: true });
}

const analyzed = new WeakSet<TestDatabase>();

/**
 * planOf for a database that only is read between plans (tests/integration/query-plans-at-scale.test.ts):
 * its statistics gathered once, not before every query (twenty times for one event page, longer than a
 * test may take), and on PostgreSQL sorts switched off as well — a sort left in the plan is then one no
 * index could spare, as SQLite's temporary B-tree is.
 */
export async function planOfReadOnly(handle: TestDatabase, query: CompiledQuery): Promise<string> {
	const analyze = !analyzed.has(handle);
	analyzed.add(handle);
	return explain(handle, query, { sorts: false, analyze });
}

async function explain(
	handle: TestDatabase,
	query: CompiledQuery,
	options: { sorts: boolean; analyze: boolean }
): Promise<string> {
	if (handle.engine === 'postgres') {
		// Fresh statistics, so that the plan is the one the data asks for.
		if (options.analyze) await handle.db.executeQuery(CompiledQuery.raw('analyze'));
		return handle.db.transaction().execute(async (tx) => {
			await tx.executeQuery(CompiledQuery.raw('set local enable_seqscan = off'));
			if (!options.sorts) await tx.executeQuery(CompiledQuery.raw('set local enable_sort = off'));
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
