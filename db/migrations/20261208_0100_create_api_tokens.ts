import { sql, type Kysely } from 'kysely';
import { columnTypes, idColumn, oneOf } from '../schema-kit';

/**
 * Bearer tokens for the read API (/api/v1), one per integration, issued by an administrator. A token is
 * "<lookup_id>.<secret>" as sessions are; only the secret's SHA-256 is kept, so the table opens nothing.
 */
export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(db);
	const user = (c: any) => c.references('user_account.id').onDelete('restrict');
	await db.schema
		.createTable('api_token')
		.addColumn('id', 'integer', idColumn(db))
		// The token's first half, looked up on every request; the second half is the secret.
		.addColumn('lookup_id', 'text', (c) =>
			c
				.notNull()
				.unique()
				.check(sql`length(lookup_id) = 32`)
		)
		.addColumn('secret_hash', 'text', (c) => c.notNull().check(sql`length(secret_hash) = 64`))
		// The integration it is for, as the administrator named it.
		.addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) between 1 and 100`))
		// What it may do: only reading, today.
		.addColumn('scope', 'text', (c) =>
			c
				.notNull()
				.defaultTo('read')
				.check(oneOf('scope', ['read']))
		)
		// The role it reads with, as a user of that role would; never an administrator's.
		.addColumn('role', 'text', (c) => c.notNull().check(oneOf('role', ['viewer', 'officer'])))
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.addColumn('created_by_user_id', 'integer', user)
		// Refused from this instant on; null: until revoked.
		.addColumn('expires_at', t.instant)
		.addColumn('revoked_at', t.instant)
		.addColumn('revoked_by_user_id', 'integer', user)
		// Noted at most once a minute, so that reading stays a read.
		.addColumn('last_used_at', t.instant)
		.addCheckConstraint('api_token_expires_after_issue', sql`expires_at is null or expires_at > created_at`)
		.addCheckConstraint(
			'api_token_revoked_by_whom',
			sql`revoked_by_user_id is null or revoked_at is not null`
		)
		.execute();
	await db.schema
		.createIndex('api_token_created_by_idx')
		.on('api_token')
		.column('created_by_user_id')
		.execute();
	await db.schema
		.createIndex('api_token_revoked_by_idx')
		.on('api_token')
		.column('revoked_by_user_id')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('api_token').execute();
}
