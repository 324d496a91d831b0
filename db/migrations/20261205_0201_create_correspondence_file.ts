import { sql, type Kysely } from 'kysely';
import { columnTypes, idColumn } from '../schema-kit';

/**
 * The files a document encloses (a scan of the signed letter, its annex). The content lives in the file
 * store (FILES_DIR), named by its SHA-256; a row says which document encloses which content, and how the
 * file was called when it came in. Two documents enclosing the same file share its content.
 */
export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(db);
	await db.schema
		.createTable('correspondence_file')
		.addColumn('id', 'integer', idColumn(db))
		.addColumn('correspondence_id', 'integer', (c) =>
			c.notNull().references('correspondence.id').onDelete('cascade')
		)
		// Lower-case hex SHA-256 of the content: its name in the file store.
		.addColumn('sha256', 'text', (c) => c.notNull().check(sql`length(sha256) = 64`))
		// Bytes; the upload limit keeps it well inside an integer.
		.addColumn('size', 'integer', (c) => c.notNull().check(sql`size > 0`))
		// Decided from the content when it came in (application/pdf, image/png …), never from its name.
		.addColumn('content_type', 'text', (c) => c.notNull())
		// The name it came with, made safe to show and to offer as a download's name.
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('uploaded_at', t.instant, (c) => c.notNull())
		.addUniqueConstraint('correspondence_file_content_key', ['correspondence_id', 'sha256'])
		.execute();
	await db.schema
		.createIndex('correspondence_file_sha256_idx')
		.on('correspondence_file')
		.column('sha256')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('correspondence_file').execute();
}
