import { Readable } from 'node:stream';
import { parseCorrespondenceListQuery } from '$lib/server/correspondence/correspondence.input';
import {
	correspondenceCsvFilename,
	correspondenceRegisterCsv
} from '$lib/server/correspondence/correspondence.csv';
import { listCorrespondenceRegister } from '$lib/server/correspondence/correspondence.service';
import { database } from '$lib/server/db';
import type { RequestHandler } from './$types';

/** The register as the filters in the URL select it, all pages, as a CSV download. */
export const GET: RequestHandler = async ({ url }) => {
	const query = parseCorrespondenceListQuery(url.searchParams);
	const csv = correspondenceRegisterCsv(listCorrespondenceRegister(database().db, query), url.origin);
	return new Response(Readable.toWeb(csv) as ReadableStream<Uint8Array>, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${correspondenceCsvFilename(query)}"`
		}
	});
};
