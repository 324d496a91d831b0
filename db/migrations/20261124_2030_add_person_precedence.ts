import type { Kysely } from 'kysely';
import { flag } from '../schema-kit';

/**
 * What the order of precedence is computed from (src/lib/server/participants/participant.repository.ts):
 * heads of an organisation first, then by protocol rank, then by name. An officer's explicit order on
 * event_participant.precedence still comes before both.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('person')
		// 1 for the head of their organisation (a minister, the Chief of the Service, a Director General).
		.addColumn('heads_organization', 'integer', (c) =>
			c.notNull().defaultTo(0).check(flag('heads_organization'))
		)
		.execute();
	await db.schema
		.alterTable('person')
		// Protocol rank as a number, 1 the highest (head of state) and larger numbers lower; null: unranked,
		// after everyone ranked. The rank's words stay in person.rank.
		.addColumn('precedence_level', 'integer')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('person').dropColumn('precedence_level').execute();
	await db.schema.alterTable('person').dropColumn('heads_organization').execute();
}
