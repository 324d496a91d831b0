import type { Kysely } from 'kysely';

/**
 * A person's outcomes in the order they were recorded, latest first, read from the index: the person
 * page shows the latest fifty of them and counts the rest up to a limit, where it read every outcome the
 * person ever owned (three thousand for the busiest of a generated office) to sort them by their
 * meeting. SQLite's index on the owner alone ends in the row id and served this already; PostgreSQL's
 * did not.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('outcome_owner_person_idx').execute();
	await db.schema
		.createIndex('outcome_owner_person_idx')
		.on('outcome')
		.columns(['owner_person_id', 'id'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('outcome_owner_person_idx').execute();
	await db.schema.createIndex('outcome_owner_person_idx').on('outcome').column('owner_person_id').execute();
}
