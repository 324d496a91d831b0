import { sql, type Kysely } from 'kysely';
import { columnTypes, idColumn, oneOf } from '../schema-kit';

const OUTCOME_KINDS = ['decision', 'agreement', 'action_point', 'statement'];
const OUTCOME_STATUSES = ['open', 'in_progress', 'done', 'dropped'];
const CORRESPONDENCE_KINDS = [
	'note_verbale',
	'letter',
	'invitation',
	'memorandum',
	'email',
	'report',
	'other'
];
const EVENT_LINKS = ['leads_to', 'concerns', 'follows_up'];

export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(db);

	await db.schema
		.createTable('outcome')
		.addColumn('id', 'integer', idColumn(db))
		// The event it came from; null for an agreement or decision recorded without one.
		.addColumn('event_id', 'integer', (c) => c.references('event.id').onDelete('set null'))
		.addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', OUTCOME_KINDS)))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('text', 'text')
		.addColumn('owner_person_id', 'integer', (c) => c.references('person.id').onDelete('set null'))
		.addColumn('owner_organization_id', 'integer', (c) =>
			c.references('organization.id').onDelete('set null')
		)
		.addColumn('due_on', t.date)
		.addColumn('status', 'text', (c) =>
			c.notNull().defaultTo('open').check(oneOf('status', OUTCOME_STATUSES))
		)
		// Agreements: where and when signed, approved (ratified, decreed) and in force.
		.addColumn('signed_on', t.date)
		.addColumn('signed_place', 'text')
		.addColumn('approved_on', t.date)
		.addColumn('in_force_on', t.date)
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.addColumn('updated_at', t.instant, (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addCheckConstraint(
			'outcome_in_force_after_signing',
			sql`signed_on is null or in_force_on is null or in_force_on >= signed_on`
		)
		.execute();
	await db.schema.createIndex('outcome_event_idx').on('outcome').column('event_id').execute();
	await db.schema
		.createIndex('outcome_owner_org_idx')
		.on('outcome')
		.column('owner_organization_id')
		.execute();
	await db.schema.createIndex('outcome_owner_person_idx').on('outcome').column('owner_person_id').execute();
	await db.schema.createIndex('outcome_status_due_idx').on('outcome').columns(['status', 'due_on']).execute();

	// The parties to an agreement (the EU and the Republic of Azerbaijan; SMS and IOM).
	await db.schema
		.createTable('outcome_party')
		.addColumn('outcome_id', 'integer', (c) => c.notNull().references('outcome.id').onDelete('cascade'))
		.addColumn('organization_id', 'integer', (c) =>
			c.notNull().references('organization.id').onDelete('restrict')
		)
		.addPrimaryKeyConstraint('outcome_party_pk', ['outcome_id', 'organization_id'])
		.execute();
	await db.schema
		.createIndex('outcome_party_org_idx')
		.on('outcome_party')
		.column('organization_id')
		.execute();

	// Later events that took an outcome further: the thread a protocol office follows up.
	await db.schema
		.createTable('outcome_follow_up')
		.addColumn('outcome_id', 'integer', (c) => c.notNull().references('outcome.id').onDelete('cascade'))
		.addColumn('event_id', 'integer', (c) => c.notNull().references('event.id').onDelete('cascade'))
		.addColumn('note', 'text')
		.addPrimaryKeyConstraint('outcome_follow_up_pk', ['outcome_id', 'event_id'])
		.execute();
	await db.schema
		.createIndex('outcome_follow_up_event_idx')
		.on('outcome_follow_up')
		.column('event_id')
		.execute();

	await db.schema
		.createTable('correspondence')
		.addColumn('id', 'integer', idColumn(db))
		.addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', CORRESPONDENCE_KINDS)))
		// As printed on the document: "Ref: 0451/13/21/26", "№ 09/1502".
		.addColumn('reference_number', 'text')
		.addColumn('dated_on', t.date, (c) => c.notNull())
		.addColumn('place', 'text')
		.addColumn('sender_organization_id', 'integer', (c) =>
			c.references('organization.id').onDelete('restrict')
		)
		.addColumn('recipient_organization_id', 'integer', (c) =>
			c.references('organization.id').onDelete('restrict')
		)
		.addColumn('signatory_person_id', 'integer', (c) => c.references('person.id').onDelete('set null'))
		.addColumn('addressee_person_id', 'integer', (c) => c.references('person.id').onDelete('set null'))
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('summary', 'text')
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.addColumn('updated_at', t.instant, (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();
	await db.schema
		.createIndex('correspondence_dated_idx')
		.on('correspondence')
		.columns(['dated_on', 'id'])
		.execute();
	await db.schema
		.createIndex('correspondence_reference_idx')
		.on('correspondence')
		.column('reference_number')
		.execute();
	await db.schema
		.createIndex('correspondence_sender_idx')
		.on('correspondence')
		.column('sender_organization_id')
		.execute();
	await db.schema
		.createIndex('correspondence_recipient_idx')
		.on('correspondence')
		.column('recipient_organization_id')
		.execute();

	await db.schema
		.createIndex('correspondence_signatory_idx')
		.on('correspondence')
		.column('signatory_person_id')
		.execute();
	await db.schema
		.createIndex('correspondence_addressee_idx')
		.on('correspondence')
		.column('addressee_person_id')
		.execute();

	await db.schema
		.createTable('correspondence_event')
		.addColumn('correspondence_id', 'integer', (c) =>
			c.notNull().references('correspondence.id').onDelete('cascade')
		)
		.addColumn('event_id', 'integer', (c) => c.notNull().references('event.id').onDelete('cascade'))
		.addColumn('link', 'text', (c) => c.notNull().defaultTo('concerns').check(oneOf('link', EVENT_LINKS)))
		.addPrimaryKeyConstraint('correspondence_event_pk', ['correspondence_id', 'event_id'])
		.execute();
	await db.schema
		.createIndex('correspondence_event_event_idx')
		.on('correspondence_event')
		.column('event_id')
		.execute();

	// What a document carries with it; a transmitted letter is itself a correspondence record.
	await db.schema
		.createTable('correspondence_enclosure')
		.addColumn('id', 'integer', idColumn(db))
		.addColumn('correspondence_id', 'integer', (c) =>
			c.notNull().references('correspondence.id').onDelete('cascade')
		)
		.addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('description', 'text', (c) => c.notNull())
		.addColumn('page_count', 'integer', (c) => c.check(sql`page_count is null or page_count > 0`))
		.addColumn('enclosed_correspondence_id', 'integer', (c) =>
			c.references('correspondence.id').onDelete('set null')
		)
		.execute();
	await db.schema
		.createIndex('correspondence_enclosure_parent_idx')
		.on('correspondence_enclosure')
		.column('correspondence_id')
		.execute();
	await db.schema
		.createIndex('correspondence_enclosure_enclosed_idx')
		.on('correspondence_enclosure')
		.column('enclosed_correspondence_id')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'correspondence_enclosure',
		'correspondence_event',
		'correspondence',
		'outcome_follow_up',
		'outcome_party',
		'outcome'
	]) {
		await db.schema.dropTable(table).execute();
	}
}
