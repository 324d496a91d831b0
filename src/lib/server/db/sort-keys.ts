/**
 * The directories' sort keys (format/collation.ts `sortKey`) are written by the repositories with every
 * name; this writes those missing: rows from before the column, or written by another program. Upkeep,
 * not a change anyone made: not audited. The server runs it as it starts.
 */
import type { Kysely, Transaction } from 'kysely';
import { sortKey } from '../../format/collation';
import type { Database } from './schema';

/** Keys written in one transaction, per table. */
const BATCH = 500;

/** Writes every missing sort key; the number written. Each batch is found through its table's sort index. */
export async function refreshSortKeys(db: Kysely<Database>): Promise<number> {
	let done = 0;
	for (;;) {
		const written = await db.transaction().execute(async (tx) => {
			const people = await tx
				.selectFrom('person')
				.select(['id', 'family_name', 'given_name'])
				.where('sort_key', 'is', null)
				.limit(BATCH)
				.execute();
			for (const p of people) {
				const key = sortKey(p.family_name, p.given_name);
				await tx.updateTable('person').set({ sort_key: key }).where('id', '=', p.id).execute();
			}
			return people.length + (await keyNames(tx, 'organization')) + (await keyNames(tx, 'venue'));
		});
		if (written === 0) return done;
		done += written;
	}
}

async function keyNames(tx: Transaction<Database>, table: 'organization' | 'venue'): Promise<number> {
	const rows = await tx
		.selectFrom(table)
		.select(['id', 'name'])
		.where('sort_key', 'is', null)
		.limit(BATCH)
		.execute();
	for (const row of rows) {
		await tx
			.updateTable(table)
			.set({ sort_key: sortKey(row.name) })
			.where('id', '=', row.id)
			.execute();
	}
	return rows.length;
}
