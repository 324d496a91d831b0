/**
 * Optimistic concurrency for the records that carry a version: a write names the version the officer
 * saw and changes nothing when someone saved in between.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema';

export type VersionedTable = 'agreement' | 'project' | 'topic' | 'gift';

/** Writes the record and raises its version if it is still at `expectedVersion`; false otherwise. */
export async function updateAtVersion(
	db: Kysely<Database>,
	table: VersionedTable,
	id: number,
	expectedVersion: number,
	/** Columns of that table, as its domain's service built them. */
	values: Record<string, unknown>
): Promise<boolean> {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the row of whichever table is named
	const result = await (db as unknown as Kysely<any>)
		.updateTable(table)
		.set((eb) => ({ ...values, version: eb('version', '+', 1) }))
		.where('id', '=', id)
		.where('version', '=', expectedVersion)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}
