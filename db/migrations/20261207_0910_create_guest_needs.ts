import { sql, type Kysely } from 'kysely';
import { columnTypes, oneOf } from '../schema-kit';

/**
 * What a guest needs at one event, for officers only: dietary requirements (as the caterer counts them,
 * with a note), accessibility, the language they need interpretation into, and security or accreditation
 * notes. Kept apart from the participation row, which personal links and printed lists read, so that
 * nothing there can carry it by accident.
 */
const REQUIREMENTS = [
	'vegetarian',
	'vegan',
	'halal',
	'kosher',
	'no_pork',
	'no_alcohol',
	'gluten_free',
	'lactose_free',
	'nut_allergy',
	'seafood_allergy',
	'diabetic'
];

export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(db);
	await db.schema
		.createTable('participant_needs')
		.addColumn('participant_id', 'integer', (c) =>
			c.primaryKey().references('event_participant.id').onDelete('cascade')
		)
		.addColumn('dietary_note', 'text')
		.addColumn('accessibility', 'text')
		// A BCP 47 language tag (az, ru, fr-CA).
		.addColumn('interpretation_language', 'text', (c) =>
			c.check(sql`length(interpretation_language) between 2 and 35`)
		)
		.addColumn('security_note', 'text')
		.addColumn('updated_at', t.instant, (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();
	await db.schema
		.createTable('participant_diet')
		.addColumn('participant_id', 'integer', (c) =>
			c.notNull().references('participant_needs.participant_id').onDelete('cascade')
		)
		.addColumn('requirement', 'text', (c) => c.notNull().check(oneOf('requirement', REQUIREMENTS)))
		.addPrimaryKeyConstraint('participant_diet_pk', ['participant_id', 'requirement'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('participant_diet').execute();
	await db.schema.dropTable('participant_needs').execute();
}
