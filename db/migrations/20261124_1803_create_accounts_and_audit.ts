import type { Kysely } from 'kysely';
import { columnTypes, flag, idColumn, oneOf } from '../schema-kit';

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
		.addColumn('password_changed_at', t.instant, (c) => c.notNull())
		// TOTP: the shared key (hex) once enrolment is confirmed; null while the user has none.
		.addColumn('totp_key', 'text')
		.addColumn('totp_enabled_at', t.instant)
		// A key shown for enrolment but not yet confirmed with a code from the app.
		.addColumn('totp_pending_key', 'text')
		// The last 30-second step whose code was accepted: a code works once (RFC 6238 §5.2).
		.addColumn('totp_last_step', 'integer')
		.addColumn('last_login_at', t.instant)
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
		// 1 once the second factor was given (or none is required); until then the session reaches only it.
		.addColumn('two_factor_verified', 'integer', (c) =>
			c.notNull().defaultTo(0).check(flag('two_factor_verified'))
		)
		.addColumn('client_address', 'text')
		.addColumn('user_agent', 'text')
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.addColumn('last_used_at', t.instant, (c) => c.notNull())
		.execute();
	await db.schema.createIndex('user_session_user_idx').on('user_session').column('user_id').execute();

	// One-time codes that stand in for the second factor when the authenticator is lost.
	await db.schema
		.createTable('recovery_code')
		.addColumn('id', 'integer', idColumn(db))
		.addColumn('user_id', 'integer', (c) => c.notNull().references('user_account.id').onDelete('cascade'))
		// Hex of SHA-256 of the code.
		.addColumn('code_hash', 'text', (c) => c.notNull())
		.addColumn('used_at', t.instant)
		.execute();
	await db.schema.createIndex('recovery_code_user_idx').on('recovery_code').column('user_id').execute();

	// Sign-in attempts, kept in the database so that every instance counts the same failures.
	await db.schema
		.createTable('login_attempt')
		.addColumn('id', 'integer', idColumn(db))
		.addColumn('at', t.instant, (c) => c.notNull())
		// The e-mail as typed, lower-cased: throttling must not reveal whether the account exists.
		.addColumn('account_key', 'text', (c) => c.notNull())
		.addColumn('client_address', 'text', (c) => c.notNull())
		.addColumn('succeeded', 'integer', (c) => c.notNull().check(flag('succeeded')))
		.execute();
	await db.schema
		.createIndex('login_attempt_account_idx')
		.on('login_attempt')
		.columns(['account_key', 'at'])
		.execute();
	await db.schema
		.createIndex('login_attempt_address_idx')
		.on('login_attempt')
		.columns(['client_address', 'at'])
		.execute();

	// Personal links for speakers and guests without an account: a token "<id>.<secret>" like a session's.
	await db.schema
		.createTable('personal_link')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('person_id', 'integer', (c) => c.notNull().references('person.id').onDelete('cascade'))
		.addColumn('secret_hash', 'text', (c) => c.notNull())
		.addColumn('created_by_user_id', 'integer', (c) => c.references('user_account.id').onDelete('set null'))
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.addColumn('expires_at', t.instant, (c) => c.notNull())
		.addColumn('revoked_at', t.instant)
		.addColumn('last_used_at', t.instant)
		.execute();
	await db.schema.createIndex('personal_link_person_idx').on('personal_link').column('person_id').execute();

	// Settings an administrator changes at run time (e.g. whether officers must use a second factor).
	await db.schema
		.createTable('app_setting')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('value', 'text', (c) => c.notNull())
		.addColumn('updated_at', t.instant, (c) => c.notNull())
		.execute();

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
	await db.schema.dropTable('app_setting').execute();
	await db.schema.dropTable('personal_link').execute();
	await db.schema.dropTable('login_attempt').execute();
	await db.schema.dropTable('recovery_code').execute();
	await db.schema.dropTable('user_session').execute();
	await db.schema.dropTable('user_account').execute();
}
