import { m } from '$lib/paraglide/messages';
import { Readable } from 'node:stream';
import { error } from '@sveltejs/kit';
import { findCorrespondenceFileDownload } from '$lib/server/correspondence/correspondence-file.service';
import { database } from '$lib/server/db';
import { fileStorage } from '$lib/server/files';
import { attachmentDisposition } from '$lib/server/files/file.name';
import type { RequestHandler } from './$types';

/**
 * A file a document encloses, streamed from the store. Always a download (never shown in the page's
 * origin), with the type decided when it came in; the hooks add nosniff and keep it out of shared caches.
 */
export const GET: RequestHandler = async ({ params }) => {
	const file = await findCorrespondenceFileDownload(
		database().db,
		Number(params.correspondenceId),
		Number(params.fileId),
		fileStorage()
	);
	if (!file) error(404, m.correspondence_file_not_found());
	return new Response(Readable.toWeb(file.content) as ReadableStream<Uint8Array>, {
		headers: {
			'content-type': file.contentType,
			'content-length': String(file.size),
			'content-disposition': attachmentDisposition(file.name),
			'x-content-type-options': 'nosniff'
		}
	});
};
