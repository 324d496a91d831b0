import type { Kysely } from 'kysely';
import { columnTypes, countryCode, flag, idColumn, oneOf } from '../schema-kit';

const ORGANIZATION_KINDS = [
	'government_body',
	'international_organization',
	'un_entity',
	'diplomatic_mission',
	'civil_society',
	'academic',
	'private_sector'
];

export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(db);

	await db.schema
		.createTable('organization')
		.addColumn('id', 'integer', idColumn(db))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('acronym', 'text')
		.addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', ORGANIZATION_KINDS)))
		// ISO 3166-1 alpha-2 of the country the body belongs to (a mission in Geneva belongs to its state).
		.addColumn('country_code', 'text', (c) => c.check(countryCode('country_code')))
		// IOM → its Regional Office → its country mission.
		.addColumn('parent_id', 'integer', (c) => c.references('organization.id').onDelete('restrict'))
		.addColumn('city', 'text')
		.addColumn('website', 'text')
		.addColumn('notes', 'text')
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.addColumn('updated_at', t.instant, (c) => c.notNull())
		// Optimistic concurrency: a save names the version it read.
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();
	await db.schema.createIndex('organization_parent_idx').on('organization').column('parent_id').execute();
	await db.schema.createIndex('organization_name_idx').on('organization').column('name').execute();

	await db.schema
		.createTable('person')
		.addColumn('id', 'integer', idColumn(db))
		// Mr, Ms, H.E. Mr, Dr …; free text because protocol forms vary by country.
		.addColumn('honorific', 'text')
		.addColumn('given_name', 'text', (c) => c.notNull())
		.addColumn('family_name', 'text', (c) => c.notNull())
		// The name in its own script or spelling where it differs (Vüsal Hüseynov, Владимир Ѓорѓиев).
		.addColumn('native_name', 'text')
		// Civil-service or diplomatic rank, e.g. "II rank state migration service counselor".
		.addColumn('rank', 'text')
		// Current position; the position held at a given event is kept on event_participant.
		.addColumn('position', 'text')
		.addColumn('organization_id', 'integer', (c) => c.references('organization.id').onDelete('set null'))
		.addColumn('email', 'text')
		.addColumn('phone', 'text')
		// 1 when the e-mail and phone may be shown to every reader, not only to officers.
		.addColumn('contact_public', 'integer', (c) => c.notNull().defaultTo(0).check(flag('contact_public')))
		.addColumn('notes', 'text')
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.addColumn('updated_at', t.instant, (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();
	await db.schema.createIndex('person_organization_idx').on('person').column('organization_id').execute();
	await db.schema
		.createIndex('person_name_idx')
		.on('person')
		.columns(['family_name', 'given_name'])
		.execute();

	await db.schema
		.createTable('venue')
		.addColumn('id', 'integer', idColumn(db))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('address', 'text')
		.addColumn('city', 'text', (c) => c.notNull())
		.addColumn('country_code', 'text', (c) => c.notNull().check(countryCode('country_code')))
		// IANA zone name, e.g. Asia/Baku; the default zone of events held here.
		.addColumn('time_zone', 'text', (c) => c.notNull())
		.addColumn('notes', 'text')
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.addColumn('updated_at', t.instant, (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('venue').execute();
	await db.schema.dropTable('person').execute();
	await db.schema.dropTable('organization').execute();
}
