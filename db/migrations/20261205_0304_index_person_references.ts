import type { Kysely } from 'kysely';

/**
 * Merging two people re-points every row that names the one removed, and deleting one first counts what
 * names them: each is a look-up by person, so the two references that had no index get one.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.createIndex('outbox_message_person_idx').on('outbox_message').column('person_id').execute();
	await db.schema.createIndex('user_account_person_idx').on('user_account').column('person_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('user_account_person_idx').execute();
	await db.schema.dropIndex('outbox_message_person_idx').execute();
}
