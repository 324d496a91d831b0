import { m } from '$lib/paraglide/messages';
import { error } from '@sveltejs/kit';
import { formatCalendarDate } from '$lib/format/datetime';
import { findPrintableLetter } from '$lib/server/correspondence/correspondence.service';
import { database } from '$lib/server/db';
import { inLocale } from '$lib/server/i18n/locale';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const letter = await findPrintableLetter(database().db, Number(params.correspondenceId));
	if (!letter) error(404, m.correspondence_not_found());
	const { record, locale } = letter;
	if (!record.body) error(404, m.correspondence_letter_no_body());
	// The words printed on the sheet are the letter's language, not the reader's: "Исх. № 09/1502" and
	// "Baku, 16 January 2017", as a letter is dated (formatted here, so the page ships no date code).
	const printed = inLocale(locale, () => ({
		reference: record.referenceNumber
			? m.correspondence_letter_reference({ number: record.referenceNumber })
			: null,
		dated: [record.place, formatCalendarDate(record.datedOn)].filter(Boolean).join(', ')
	}));
	return { record, locale, ...printed };
};
