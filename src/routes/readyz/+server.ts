import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { checkReadiness } from '$lib/server/readiness';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
	const readiness = await checkReadiness(database());
	const { ready, ...details } = readiness;
	return json(
		{ status: ready ? 'ready' : 'not ready', ...details },
		{ status: ready ? 200 : 503, headers: { 'cache-control': 'no-store' } }
	);
};
