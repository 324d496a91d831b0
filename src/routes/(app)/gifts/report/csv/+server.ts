import { Readable } from 'node:stream';
import { database } from '$lib/server/db';
import { attachmentDisposition } from '$lib/server/files/file.name';
import { parseGiftReportQuery } from '$lib/server/gifts/gift.input';
import { getGiftReportCsv } from '$lib/server/gifts/gift.service';
import type { RequestHandler } from './$types';

/** The yearly report of one person's or organisation's gifts as CSV, for the declaration's annex. */
export const GET: RequestHandler = async ({ url }) => {
	const query = parseGiftReportQuery(url.searchParams);
	const { name, content } = await getGiftReportCsv(database().db, query);
	return new Response(Readable.toWeb(content) as ReadableStream<Uint8Array>, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': attachmentDisposition(name)
		}
	});
};
