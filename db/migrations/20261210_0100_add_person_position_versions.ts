import type { Kysely } from 'kysely';
import { oneOf } from '../schema-kit';

/**
 * A person's current post (`person.position`, what the person form says they are now) in more than one
 * language, as the posts of their history already are (20261208_0700_add_content_versions): the post as
 * first written stays in `position`; `position_locale` says which language that is (null: not said);
 * `position_az`, `_en`, `_ru` hold the other versions, null when there is none. The current post is its
 * own text, edited on the person form and not derived from the history, so its versions live beside it.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('person')
		.addColumn('position_locale', 'text', (c) => c.check(oneOf('position_locale', ['az', 'en', 'ru'])))
		.execute();
	for (const locale of ['az', 'en', 'ru']) {
		await db.schema.alterTable('person').addColumn(`position_${locale}`, 'text').execute();
	}
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const suffix of ['locale', 'az', 'en', 'ru']) {
		await db.schema.alterTable('person').dropColumn(`position_${suffix}`).execute();
	}
}
