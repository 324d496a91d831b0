import type { Kysely } from 'kysely';
import { columnTypes, idColumn, oneOf } from '../schema-kit';

const USER_ROLES = ['admin', 'officer', 'viewer'];

export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(db);

	await db.schema
		.createTable('user_account')
		.addColumn('id', 'integer', idColumn(db))
		// Stored lower-case so that sign-in is case-insensitive on both engines.
		.addColumn('email', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('role', 'text', (c) => c.notNull().check(oneOf('role', USER_ROLES)))
		// argon2id PHC string.
		.addColumn('password_hash', 'text', (c) => c.notNull())
		// The person record of the user, when they are also in the directory.
		.addColumn('person_id', 'integer', (c) => c.references('person.id').onDelete('set null'))
		.addColumn('disabled_at', t.instant)
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.addColumn('updated_at', t.instant, (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();

	// Sessions as lucia-auth.com describes them: the token is "<id>.<secret>", only SHA-256(secret) is kept.
	await db.schema
		.createTable('user_session')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'integer', (c) => c.notNull().references('user_account.id').onDelete('cascade'))
		// Hex of SHA-256 of the secret part of the token.
		.addColumn('secret_hash', 'text', (c) => c.notNull())
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.addColumn('last_used_at', t.instant, (c) => c.notNull())
		.execute();
	await db.schema.createIndex('user_session_user_idx').on('user_session').column('user_id').execute();

	// Who changed what, when: every write lands here inside its own transaction.
	await db.schema
		.createTable('audit_entry')
		.addColumn('id', 'integer', idColumn(db))
		.addColumn('at', t.instant, (c) => c.notNull())
		.addColumn('actor_user_id', 'integer', (c) => c.references('user_account.id').onDelete('set null'))
		// Who acted when no user did (the demo loader, a command-line operator, a personal-link holder).
		.addColumn('actor_label', 'text', (c) => c.notNull())
		// Verb on a noun, e.g. event.create, participant.rsvp.
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('entity_type', 'text', (c) => c.notNull())
		.addColumn('entity_id', 'integer')
		// The event the change belongs to, so an event's history is one indexed lookup.
		.addColumn('event_id', 'integer')
		.addColumn('before_json', t.json)
		.addColumn('after_json', t.json)
		.addColumn('client_address', 'text')
		.execute();
	await db.schema
		.createIndex('audit_entry_entity_idx')
		.on('audit_entry')
		.columns(['entity_type', 'entity_id', 'at'])
		.execute();
	await db.schema
		.createIndex('audit_entry_event_idx')
		.on('audit_entry')
		.columns(['event_id', 'at'])
		.execute();
	await db.schema.createIndex('audit_entry_at_idx').on('audit_entry').column('at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('audit_entry').execute();
	await db.schema.dropTable('user_session').execute();
	await db.schema.dropTable('user_account').execute();
}
