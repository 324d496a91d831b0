import { sql, type Kysely } from 'kysely';
import { columnTypes, idColumn, oneOf } from '../schema-kit';

const STATUSES = ['open', 'in_progress', 'done', 'dropped'];

/**
 * The action-point board (src/lib/server/actions/): every change of an outcome's follow-up status with
 * the officer's note, shown as the outcome's history; and the index the board's order reads along.
 */
export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(db);
	await db.schema
		.createTable('outcome_status_change')
		.addColumn('id', 'integer', idColumn(db))
		.addColumn('outcome_id', 'integer', (c) => c.notNull().references('outcome.id').onDelete('cascade'))
		.addColumn('from_status', 'text', (c) => c.notNull().check(oneOf('from_status', STATUSES)))
		.addColumn('to_status', 'text', (c) => c.notNull().check(oneOf('to_status', STATUSES)))
		// Why, in a sentence: "Work plan adjusted and sent to IOM on 3 March".
		.addColumn('note', 'text', (c) => c.notNull())
		// Kept when the account goes: the history says who as the audit log does.
		.addColumn('changed_by_user_id', 'integer', (c) => c.references('user_account.id').onDelete('set null'))
		.addColumn('changed_at', t.instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('outcome_status_change_outcome_idx')
		.on('outcome_status_change')
		.columns(['outcome_id', 'id'])
		.execute();
	await db.schema
		.createIndex('outcome_status_change_user_idx')
		.on('outcome_status_change')
		.column('changed_by_user_id')
		.execute();
	// The board's order: action points soonest due first, undated last, then by id. The same expression,
	// spelled the same, is the key in actions/action-board.repository.ts.
	await sql`create index outcome_board_idx
		on outcome (kind, (coalesce(due_on, '9999-12-31')), id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('outcome_board_idx').execute();
	await db.schema.dropTable('outcome_status_change').execute();
}
