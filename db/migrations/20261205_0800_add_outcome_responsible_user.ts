import type { Kysely } from 'kysely';

/**
 * The officer responsible for an action point: a user account, so that the board can be filtered by it,
 * the home page can say "mine", and reminders can reach someone. The owner (a person or organisation)
 * stays who answers for it on the partner's side or ours; this is who at the office follows it up.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('outcome')
		.addColumn('responsible_user_id', 'integer', (c) => c.references('user_account.id').onDelete('set null'))
		.execute();
	// "My action points", soonest due first; and the reminders' daily pass over each officer's.
	await db.schema
		.createIndex('outcome_responsible_idx')
		.on('outcome')
		.columns(['responsible_user_id', 'status', 'due_on', 'id'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('outcome_responsible_idx').execute();
	await db.schema.alterTable('outcome').dropColumn('responsible_user_id').execute();
}
