import { error } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { getCorrespondencePage } from '$lib/server/correspondence/correspondence.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const record = await getCorrespondencePage(database().db, Number(params.correspondenceId));
	if (!record) error(404, 'There is no such document.');
	return { record };
};
