import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { databaseAnswers } from '$lib/server/db/health';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
	const { db, engine } = database();
	const ok = await databaseAnswers(db);
	return json(
		{ status: ok ? 'ok' : 'unavailable', database: engine },
		{ status: ok ? 200 : 503, headers: { 'cache-control': 'no-store' } }
	);
};
