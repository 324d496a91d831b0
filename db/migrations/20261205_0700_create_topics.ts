import { sql, type Kysely } from 'kysely';
import { columnTypes, idColumn, oneOf } from '../schema-kit';

/**
 * The topics of a bilateral meeting, an official or a working visit: its discussion points in order,
 * each prepared before (who raises it, our position, talking points, what the other side is expected to
 * ask, the earlier outcomes and letters it continues) and recorded after (what was said, and the outcome
 * or agreement it became).
 */
const SIDES = ['our_side', 'their_side'];

/** The earlier records a topic continues, each in a table of its own so that every link is a foreign key. */
const FOLLOWS = [
	['topic_follows_outcome', 'outcome_id', 'outcome'],
	['topic_follows_correspondence', 'correspondence_id', 'correspondence']
] as const;

export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(db);

	await db.schema
		.createTable('topic')
		.addColumn('id', 'integer', idColumn(db))
		.addColumn('event_id', 'integer', (c) => c.notNull().references('event.id').onDelete('cascade'))
		// 1, 2, 3 … within the event, rewritten by every reorder.
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull())
		// Which side brings it up.
		.addColumn('raised_by', 'text', (c) => c.notNull().defaultTo('our_side').check(oneOf('raised_by', SIDES)))
		.addColumn('our_position', 'text')
		.addColumn('talking_points', 'text')
		// What the other side is expected to ask or raise on it.
		.addColumn('expected_questions', 'text')
		// Recorded after the meeting: what was said on it.
		.addColumn('discussion', 'text')
		// What the topic became: an outcome of the meeting (decision, action point) or a draft agreement.
		.addColumn('outcome_id', 'integer', (c) => c.references('outcome.id').onDelete('set null'))
		.addColumn('agreement_id', 'integer', (c) => c.references('agreement.id').onDelete('set null'))
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.addColumn('updated_at', t.instant, (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addCheckConstraint('topic_position_positive', sql`position >= 1`)
		.addCheckConstraint('topic_one_result', sql`outcome_id is null or agreement_id is null`)
		.execute();
	// The list's order.
	await db.schema
		.createIndex('topic_event_idx')
		.on('topic')
		.columns(['event_id', 'position', 'id'])
		.execute();
	// From an outcome or agreement to the topic it came from.
	await db.schema.createIndex('topic_outcome_idx').on('topic').column('outcome_id').execute();
	await db.schema.createIndex('topic_agreement_idx').on('topic').column('agreement_id').execute();

	for (const [table, column, target] of FOLLOWS) {
		await db.schema
			.createTable(table)
			.addColumn('topic_id', 'integer', (c) => c.notNull().references('topic.id').onDelete('cascade'))
			.addColumn(column, 'integer', (c) => c.notNull().references(`${target}.id`).onDelete('cascade'))
			.addPrimaryKeyConstraint(`${table}_pk`, ['topic_id', column])
			.execute();
		await db.schema.createIndex(`${table}_target_idx`).on(table).column(column).execute();
	}
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const [table] of [...FOLLOWS].reverse()) await db.schema.dropTable(table).execute();
	await db.schema.dropTable('topic').execute();
}
