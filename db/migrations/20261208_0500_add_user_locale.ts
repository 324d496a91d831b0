import type { Kysely } from 'kysely';
import { oneOf } from '../schema-kit';

/**
 * The language a user chose for the interface (az, en or ru), kept on the account so that it follows them
 * from one session and one browser to the next. Null: not chosen, and the browser's Accept-Language, then
 * the office's DEFAULT_LOCALE, decide (src/lib/server/i18n/locale.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('user_account')
		.addColumn('locale', 'text', (c) => c.check(oneOf('locale', ['az', 'en', 'ru'])))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('user_account').dropColumn('locale').execute();
}
