/**
 * Talking to the built server as the http and browser tests do: a form posted as a browser without
 * JavaScript posts it (the answer as it comes, redirects not followed), and a look into the server's
 * database between requests.
 */
import type { Kysely } from 'kysely';
import { openDatabase } from '$lib/server/db/connection';
import type { Database } from '$lib/server/db/schema';
import type { RunningServer } from './server';

export function postForm(
	server: RunningServer,
	path: string,
	fields: Record<string, string> | URLSearchParams | [string, string][],
	{
		cookie,
		accept = 'text/html',
		headers = {}
	}: { cookie?: string; accept?: string; headers?: Record<string, string> } = {}
): Promise<Response> {
	return fetch(`${server.url}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: server.url,
			accept,
			'content-type': 'application/x-www-form-urlencoded',
			...(cookie ? { cookie } : {}),
			...headers
		},
		body: fields instanceof URLSearchParams ? fields : new URLSearchParams(fields)
	});
}

/** Opens the server's database for one look and closes it again, so the server keeps it to itself. */
export async function withDatabase<T>(
	databaseUrl: string,
	run: (db: Kysely<Database>) => Promise<T>
): Promise<T> {
	const handle = openDatabase(databaseUrl);
	try {
		return await run(handle.db);
	} finally {
		await handle.close();
	}
}

/** How many rows a table of the server's database holds now. */
export function countRows(databaseUrl: string, table: keyof Database & string): Promise<number> {
	return withDatabase(databaseUrl, async (db) => {
		const row = await db
			.selectFrom(table)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		return Number(row.n);
	});
}
