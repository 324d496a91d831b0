import { sql, type Kysely } from 'kysely';

/**
 * Indexes in the order the organisation page lists what belongs to an organisation, so that a ministry
 * with hundreds of departments or thousands of staff shows its first page without sorting them all:
 * its sub-organisations by name, and its people with the head first, then by name.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createIndex('organization_parent_name_idx')
		.on('organization')
		.columns(['parent_id', 'name', 'id'])
		.execute();
	// heads_organization descending: an index read one way must hold the list's mixed order.
	await sql`create index person_organization_order_idx
		on person (organization_id, heads_organization desc, family_name, given_name, id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('person_organization_order_idx').execute();
	await db.schema.dropIndex('organization_parent_name_idx').execute();
}
