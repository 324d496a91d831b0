import { Readable } from 'node:stream';
import { actionBoardCsv } from '$lib/server/actions/action-board.csv';
import { parseBoardQuery } from '$lib/server/actions/action-board.input';
import { listActionBoardPages } from '$lib/server/actions/action-board.service';
import { database } from '$lib/server/db';
import type { RequestHandler } from './$types';

/** The board as the filters in the URL select it, every page, as a CSV download. */
export const GET: RequestHandler = async ({ url }) => {
	const { find: _find, ...filter } = parseBoardQuery(url.searchParams);
	const csv = actionBoardCsv(listActionBoardPages(database().db, filter), url.origin);
	return new Response(Readable.toWeb(csv) as ReadableStream<Uint8Array>, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="action-points.csv"'
		}
	});
};
