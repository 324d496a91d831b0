import type { Kysely } from 'kysely';
import { oneOf } from '../schema-kit';

/**
 * Content in more than one language (issue 18 §2): event titles, agenda item titles, organisation names
 * and positions may carry an Azerbaijani, English and Russian version beside the text as first written.
 * The existing column keeps the original (whatever language it was written in); `<column>_locale` says
 * which language that is (null: not said); `<column>_az`, `_en`, `_ru` hold the other versions, null when
 * there is none. Columns on the same row rather than a side table: every list and search already reads
 * the row, so showing the reader's version costs no join and no second query.
 */
const versioned: [table: string, column: string][] = [
	['event', 'title'],
	['agenda_item', 'title'],
	['organization', 'name'],
	['person_position', 'position']
];

export async function up(db: Kysely<any>): Promise<void> {
	for (const [table, column] of versioned) {
		await db.schema
			.alterTable(table)
			.addColumn(`${column}_locale`, 'text', (c) => c.check(oneOf(`${column}_locale`, ['az', 'en', 'ru'])))
			.execute();
		for (const locale of ['az', 'en', 'ru']) {
			await db.schema.alterTable(table).addColumn(`${column}_${locale}`, 'text').execute();
		}
	}
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const [table, column] of versioned) {
		for (const suffix of ['locale', 'az', 'en', 'ru']) {
			await db.schema.alterTable(table).dropColumn(`${column}_${suffix}`).execute();
		}
	}
}
