import type { Kysely } from 'kysely';
import { columnTypes } from '../schema-kit';

/**
 * Turns of the work that must run once an interval whatever the number of server processes — the
 * scheduled backups (src/lib/server/backup/backup.schedule.ts). One row per kind of work: which process
 * holds the turn and until when (renewed while it runs; another may take it once that has passed, or
 * at once when the holder's process is seen to be gone), and when the last finished turn began, from
 * which every process reckons when the next is due.
 */
export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(db);
	await db.schema
		.createTable('scheduled_turn')
		.addColumn('name', 'text', (c) => c.primaryKey())
		// The holding process as the outbox's claims name it (host, pid, pid namespace); null when free.
		.addColumn('held_by', 'text')
		.addColumn('held_until', t.instant)
		// When the last turn that ran to its end began, and when it ended.
		.addColumn('last_started_at', t.instant)
		.addColumn('last_ended_at', t.instant)
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('scheduled_turn').execute();
}
