import type { Kysely } from 'kysely';

/**
 * The administrators' list of accounts being guessed at reads the failures of the last quarter of an
 * hour across every account: by outcome and time, so it costs what the window holds, not the history.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createIndex('login_attempt_outcome_at_idx')
		.on('login_attempt')
		.columns(['succeeded', 'at'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('login_attempt_outcome_at_idx').execute();
}
