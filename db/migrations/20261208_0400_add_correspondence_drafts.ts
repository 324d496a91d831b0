import { sql, type Kysely } from 'kysely';
import { flag } from '../schema-kit';

/**
 * An outgoing letter may be drafted before it is registered: a thank-you letter pre-filled after a
 * meeting, say, which the officer edits and then registers. A draft has no reference number yet (the
 * office gives one when it registers the letter, so an abandoned draft uses none), and the letter's
 * text is kept beside its summary so that it can be edited and printed.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('correspondence')
		// 1: drafted, not yet registered; a draft carries no reference number.
		.addColumn('draft', 'integer', (c) =>
			c
				.notNull()
				.defaultTo(0)
				.check(sql`${flag('draft')} and (draft = 0 or reference_number is null)`)
		)
		.execute();
	await db.schema
		.alterTable('correspondence')
		// The text of a letter the office writes, as it is printed; null for documents registered as received.
		.addColumn('body', 'text')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('correspondence').dropColumn('body').execute();
	await db.schema.alterTable('correspondence').dropColumn('draft').execute();
}
