/** Queries over the files documents enclose (the content itself is in the file store). */
import type { Insertable, Kysely } from 'kysely';
import type { CorrespondenceFileTable, Database } from '../db/schema';

const fileColumns = [
	'correspondence_file.id',
	'correspondence_file.correspondence_id',
	'correspondence_file.sha256',
	'correspondence_file.size',
	'correspondence_file.content_type',
	'correspondence_file.name',
	'correspondence_file.uploaded_at'
] as const;

/** The files of a document, in the order they came. */
export async function listCorrespondenceFiles(db: Kysely<Database>, correspondenceId: number) {
	return db
		.selectFrom('correspondence_file')
		.select(fileColumns)
		.where('correspondence_id', '=', correspondenceId)
		.orderBy('uploaded_at')
		.orderBy('id')
		.execute();
}

export type CorrespondenceFileRow = Awaited<ReturnType<typeof listCorrespondenceFiles>>[number];

export async function findCorrespondenceFile(db: Kysely<Database>, correspondenceId: number, fileId: number) {
	const row = await db
		.selectFrom('correspondence_file')
		.select(fileColumns)
		.where('correspondence_id', '=', correspondenceId)
		.where('id', '=', fileId)
		.executeTakeFirst();
	return row ?? null;
}

/** The file of this document with this content, if it encloses it already. */
export async function findCorrespondenceFileByContent(
	db: Kysely<Database>,
	correspondenceId: number,
	sha256: string
) {
	const row = await db
		.selectFrom('correspondence_file')
		.select(fileColumns)
		.where('correspondence_id', '=', correspondenceId)
		.where('sha256', '=', sha256)
		.executeTakeFirst();
	return row ?? null;
}

export async function insertCorrespondenceFile(
	db: Kysely<Database>,
	values: Insertable<CorrespondenceFileTable>
) {
	return db.insertInto('correspondence_file').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function deleteCorrespondenceFile(db: Kysely<Database>, fileId: number) {
	await db.deleteFrom('correspondence_file').where('id', '=', fileId).execute();
}
