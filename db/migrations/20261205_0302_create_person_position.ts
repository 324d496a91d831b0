import { sql, type Kysely } from 'kysely';
import { columnTypes, idColumn } from '../schema-kit';

/**
 * A person's posts over time: what they were (position, organisation, rank) from when to when. The post
 * held on an event's date is what the event's pages, lists, programme and badges show; the participant's
 * own columns (event_participant.position_at_event, rank_at_event, organization_id) are its copy, written
 * from this history when the person is invited and again whenever the history changes, and left as
 * recorded for a date no post covers (src/lib/server/people/person-position.service.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(db);
	await db.schema
		.createTable('person_position')
		.addColumn('id', 'integer', idColumn(db))
		.addColumn('person_id', 'integer', (c) => c.notNull().references('person.id').onDelete('cascade'))
		// As protocol writes it: "Chief of the State Migration Service".
		.addColumn('position', 'text', (c) => c.notNull())
		.addColumn('organization_id', 'integer', (c) => c.references('organization.id').onDelete('set null'))
		// Civil-service or diplomatic rank held in the post, e.g. "II rank state migration service counselor".
		.addColumn('rank', 'text')
		// The first and last day in the post. Null from: held since before anything recorded, or not known;
		// null to: holds it still, or not known — notes say which, and what the sources do say.
		.addColumn('from_on', t.date)
		.addColumn('to_on', t.date)
		.addColumn('notes', 'text')
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.addColumn('updated_at', t.instant, (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addCheckConstraint(
			'person_position_ends_after_start',
			sql`from_on is null or to_on is null or to_on >= from_on`
		)
		.execute();
	// A person's history in order, and the post held on a date, are one range of this index.
	await db.schema
		.createIndex('person_position_person_idx')
		.on('person_position')
		.columns(['person_id', 'from_on'])
		.execute();
	await db.schema
		.createIndex('person_position_organization_idx')
		.on('person_position')
		.column('organization_id')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('person_position').execute();
}
