import type { Kysely } from 'kysely';
import { oneOf } from '../schema-kit';

/**
 * The language a person reads (az, en or ru): their invitations, updates, cancellations and the calendar
 * text sent to them are written in it. Null: not known, and the office's DEFAULT_LOCALE is used.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('person')
		.addColumn('preferred_locale', 'text', (c) => c.check(oneOf('preferred_locale', ['az', 'en', 'ru'])))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('person').dropColumn('preferred_locale').execute();
}
