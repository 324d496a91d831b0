import { error } from '@sveltejs/kit';
import { findCorrespondencePage } from '$lib/server/correspondence/correspondence.service';
import { database } from '$lib/server/db';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const record = await findCorrespondencePage(database().db, Number(params.correspondenceId));
	if (!record) error(404, 'There is no such document.');
	if (!record.body) error(404, 'This document has no text of its own to print: its file is the letter.');
	return { record };
};
