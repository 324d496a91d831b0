import { m } from '$lib/paraglide/messages';
import { error } from '@sveltejs/kit';
import { formatCalendarDate } from '$lib/format/datetime';
import { findCorrespondencePage } from '$lib/server/correspondence/correspondence.service';
import { database } from '$lib/server/db';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const record = await findCorrespondencePage(database().db, Number(params.correspondenceId));
	if (!record) error(404, m.correspondence_not_found());
	if (!record.body) error(404, m.correspondence_letter_no_body());
	// "Baku, 16 January 2017", as a letter is dated (formatted here, so the page ships no date code).
	const dated = [record.place, formatCalendarDate(record.datedOn)].filter(Boolean).join(', ');
	return { record, dated };
};
