/**
 * Which records hold a content of the file store: a document's files and a gift's photograph share it,
 * named by its SHA-256, so content leaves the store only once nothing holds it.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export async function isContentHeld(db: Kysely<Database>, sha256: string): Promise<boolean> {
	const row = await db
		.selectNoFrom((eb) => [
			eb
				.or([
					eb.exists(eb.selectFrom('correspondence_file').select('id').where('sha256', '=', sha256)),
					eb.exists(eb.selectFrom('gift').select('id').where('photo_sha256', '=', sha256))
				])
				.as('held')
		])
		.executeTakeFirstOrThrow();
	return Boolean(Number(row.held));
}
