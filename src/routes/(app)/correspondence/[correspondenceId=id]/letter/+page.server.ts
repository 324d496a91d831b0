import { error } from '@sveltejs/kit';
import { formatCalendarDate } from '$lib/format/datetime';
import { findCorrespondencePage } from '$lib/server/correspondence/correspondence.service';
import { database } from '$lib/server/db';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const record = await findCorrespondencePage(database().db, Number(params.correspondenceId));
	if (!record) error(404, 'There is no such document.');
	if (!record.body) error(404, 'This document has no text of its own to print: its file is the letter.');
	// "Baku, 16 January 2017", as a letter is dated (formatted here, so the page ships no date code).
	const dated = [record.place, formatCalendarDate(record.datedOn)].filter(Boolean).join(', ');
	return { record, dated };
};
