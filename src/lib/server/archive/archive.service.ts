/**
 * The administrators' download of everything (the Export page): the same archive as npm run export,
 * streamed to the browser as it is written. npm run export and npm run import call archive.export.ts and
 * archive.import.ts themselves, as the operator's tools.
 */
import { PassThrough, type Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { recordAction, type Actor } from '../audit/audit';
import { authorize } from '../auth/authorize';
import type { DataLocation } from '../backup/backup.service';
import type { Database } from '../db/schema';
import { logger } from '../observability/logger';
import { writeArchive } from './archive.export';

export interface ArchiveDownload {
	/** The archive as it is written: cancelling the download (destroying it) stops the export. */
	content: Readable;
	filename: string;
}

/**
 * Starts writing the archive of everything for an administrator, after recording who took it: it holds
 * every person's data and the accounts' hashed secrets.
 */
export async function exportArchive(
	db: Kysely<Database>,
	actor: Actor,
	from: DataLocation,
	now = new Date()
): Promise<ArchiveDownload> {
	authorize(actor, 'admin');
	await recordAction(db, actor, { action: 'export', entityType: 'archive' });
	const content = new PassThrough();
	writeArchive(from, content, { now }).then(
		(manifest) => logger.info({ tables: manifest.tables.length }, 'the export of everything was downloaded'),
		(error: unknown) => {
			if (isCancelled(error)) {
				logger.info('the export of everything stopped: the download was cancelled');
				return;
			}
			// Headers are gone by now: the download ends unfinished, which the browser shows as failed.
			logger.error({ err: error }, 'the export of everything failed');
			content.destroy(error instanceof Error ? error : new Error(String(error)));
		}
	);
	return { content, filename: `protokol-${now.toISOString().replace(/[:.]/g, '-')}.zip` };
}

/** The reader went away: the response stream was closed before the archive was whole. */
function isCancelled(error: unknown): boolean {
	const { code, name } = (error ?? {}) as { code?: string; name?: string };
	return code === 'ERR_STREAM_PREMATURE_CLOSE' || name === 'AbortError';
}
