import { sql, type Kysely } from 'kysely';

/**
 * What the directory's duplicate check looks a new person up by, through an index rather than a scan:
 * the spelling key of their name and their e-mail address in lower case.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('person')
		// The spelling keys of the given and family name's words, in alphabetical order ("husainov vusal"
		// for Vüsal Hüseynov, Vusal Huseynov and Вусал Гусейнов alike): nameKey in
		// src/lib/server/search/search.text.ts, written by the app with the names. Null until the app has
		// written it (a row from before this column, or written by another program): the people service
		// fills those in before it compares.
		.addColumn('name_key', 'text')
		.execute();
	await db.schema.createIndex('person_name_key_idx').on('person').column('name_key').execute();
	// "Someone else has this address" is asked without regard to case.
	await db.schema
		.createIndex('person_email_idx')
		.on('person')
		.expression(sql`lower(email)`)
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('person_email_idx').execute();
	await db.schema.dropIndex('person_name_key_idx').execute();
	await db.schema.alterTable('person').dropColumn('name_key').execute();
}
