import { Readable } from 'node:stream';
import { exportArchive } from '$lib/server/archive/archive.service';
import { actorOf } from '$lib/server/auth/actor';
import { dataLocation } from '$lib/server/backup/backup.settings';
import { database } from '$lib/server/db';
import type { RequestHandler } from './$types';

/** The archive of everything, streamed as it is written (a form's POST: it is recorded in the audit log). */
export const POST: RequestHandler = async (event) => {
	const { content, filename } = await exportArchive(database().db, actorOf(event), dataLocation());
	return new Response(Readable.toWeb(content) as ReadableStream<Uint8Array>, {
		headers: {
			'content-type': 'application/zip',
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'no-store'
		}
	});
};
