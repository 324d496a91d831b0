import type { Kysely } from 'kysely';
import { columnTypes } from '../schema-kit';

/**
 * An outcome carried to a later meeting: who carried it and when, and a version, since what was said on
 * it there (the note) is written after that meeting and may be corrected. Rows from before carry no
 * who or when.
 */
export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(db);
	await db.schema.alterTable('outcome_follow_up').addColumn('carried_at', t.instant).execute();
	await db.schema
		.alterTable('outcome_follow_up')
		.addColumn('carried_by_user_id', 'integer', (c) => c.references('user_account.id').onDelete('set null'))
		.execute();
	await db.schema
		.alterTable('outcome_follow_up')
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const column of ['version', 'carried_by_user_id', 'carried_at']) {
		await db.schema.alterTable('outcome_follow_up').dropColumn(column).execute();
	}
}
