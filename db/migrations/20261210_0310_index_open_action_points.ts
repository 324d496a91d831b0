import { sql, type Kysely } from 'kysely';

/**
 * The open action points alone, soonest due first and undated last (the order of
 * openActionPointsSoonestDue in src/lib/server/outcomes/outcome.repository.ts, which spells the same
 * condition and key so that each planner recognises them). A meeting's page offers its hosts' open action
 * points to carry over; for an organisation whose dossier holds thousands of outcomes they are read along
 * this index, each looked up in the dossier, stopping at the page's limit: on PostgreSQL the board's
 * index (every action point, done or not, their status read from the rows) cost seven times the reads,
 * and without a limit every open action point of the dossier was read and sorted (10–15 ms at a million
 * events for an umbrella organisation). The kind leads, one value throughout, so that SQLite weighs
 * this index as it weighs the board's, which also begins with it, and takes the one without a sort.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await sql`create index outcome_open_action_idx
		on outcome (kind, (case when due_on is null then 1 else 0 end), due_on, id)
		where kind = 'action_point' and status in ('open', 'in_progress')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('outcome_open_action_idx').execute();
}
