import { error } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { findCorrespondencePage } from '$lib/server/correspondence/correspondence.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const record = await findCorrespondencePage(database().db, Number(params.correspondenceId));
	if (!record) error(404, 'There is no such document.');
	return { record };
};
