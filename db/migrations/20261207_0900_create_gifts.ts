import { sql, type Kysely } from 'kysely';
import { columnTypes, idColumn, oneOf } from '../schema-kit';

/**
 * The gifts register: what the office and its people gave and received, from and to whom, at which event
 * or visit, its estimated value, a photograph, and what became of it, so that each year's declarations can
 * be drawn from it. The photograph's content lives in the file store (FILES_DIR) under its SHA-256, as a
 * letter's files do.
 */
const DIRECTIONS = ['received', 'given'];
const DISPOSITIONS = ['undecided', 'kept', 'archived', 'declared', 'returned'];

export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(db);
	const person = (c: any) => c.references('person.id').onDelete('restrict');
	const organization = (c: any) => c.references('organization.id').onDelete('restrict');
	await db.schema
		.createTable('gift')
		.addColumn('id', 'integer', idColumn(db))
		.addColumn('direction', 'text', (c) => c.notNull().check(oneOf('direction', DIRECTIONS)))
		.addColumn('given_on', t.date, (c) => c.notNull())
		// The event or visit it was given at, if any.
		.addColumn('event_id', 'integer', (c) => c.references('event.id').onDelete('set null'))
		// From and to: a person, an organisation, or a person on behalf of an organisation.
		.addColumn('giver_person_id', 'integer', person)
		.addColumn('giver_organization_id', 'integer', organization)
		.addColumn('recipient_person_id', 'integer', person)
		.addColumn('recipient_organization_id', 'integer', organization)
		.addColumn('description', 'text', (c) => c.notNull())
		// In the currency's minor unit (cents; none for yen), as its ISO 4217 exponent says; null: not known.
		.addColumn('value_minor', 'integer', (c) => c.check(sql`value_minor >= 0`))
		.addColumn('currency', 'text', (c) => c.check(sql`length(currency) = 3`))
		.addColumn('disposition', 'text', (c) =>
			c.notNull().defaultTo('undecided').check(oneOf('disposition', DISPOSITIONS))
		)
		.addColumn('disposition_on', t.date)
		.addColumn('disposition_note', 'text')
		.addColumn('notes', 'text')
		// The photograph: its content's SHA-256 in the file store, type decided from the content, size, name.
		.addColumn('photo_sha256', 'text', (c) => c.check(sql`length(photo_sha256) = 64`))
		.addColumn('photo_content_type', 'text')
		.addColumn('photo_size', 'integer', (c) => c.check(sql`photo_size > 0`))
		.addColumn('photo_name', 'text')
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.addColumn('updated_at', t.instant, (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addCheckConstraint(
			'gift_has_giver',
			sql`giver_person_id is not null or giver_organization_id is not null`
		)
		.addCheckConstraint(
			'gift_has_recipient',
			sql`recipient_person_id is not null or recipient_organization_id is not null`
		)
		.addCheckConstraint('gift_value_has_currency', sql`value_minor is null or currency is not null`)
		.addCheckConstraint(
			'gift_photo_whole',
			sql`(photo_sha256 is null) = (photo_content_type is null)
				and (photo_sha256 is null) = (photo_size is null)
				and (photo_sha256 is null) = (photo_name is null)`
		)
		.execute();
	// The register's order (latest first), and each year's report per person and per organisation.
	await db.schema.createIndex('gift_given_on_idx').on('gift').columns(['given_on', 'id']).execute();
	for (const column of [
		'giver_person_id',
		'recipient_person_id',
		'giver_organization_id',
		'recipient_organization_id'
	]) {
		await db.schema
			.createIndex(`gift_${column.replace(/_id$/, '')}_idx`)
			.on('gift')
			.columns([column, 'given_on', 'id'])
			.execute();
	}
	await db.schema.createIndex('gift_event_idx').on('gift').column('event_id').execute();
	await db.schema.createIndex('gift_photo_sha256_idx').on('gift').column('photo_sha256').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('gift').execute();
}
