import { error } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { getOutcomePage } from '$lib/server/outcomes/outcome.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const outcome = await getOutcomePage(database().db, Number(params.outcomeId));
	if (!outcome) error(404, 'There is no such outcome.');
	return { outcome };
};
