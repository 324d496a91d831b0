import { error } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { readPrintout } from '$lib/server/i18n/print-languages';
import { findParticipantPrint } from '$lib/server/participants/participant-read.service';
import { m } from '$lib/paraglide/messages';
import { defineWords } from '$lib/server/i18n/words';
import { printLanguagesWords } from '$lib/server/i18n/print-languages.words';
import type { PageServerLoad } from './$types';

/** The words around the sheet, in the reader's language. */
const pageWords = defineWords({
	programme_back: m.programme_back,
	programme_list_badges: m.programme_list_badges,
	programme_list_page_title: m.programme_list_page_title,
	programme_list_print_hint: m.programme_list_print_hint,
	programme_list_printing: m.programme_list_printing,
	programme_print: m.programme_print
});

/** The words of one column, made in the column's language (readPrintout reads each column in it). */
const columnWords = defineWords({
	programme_list_empty: m.programme_list_empty,
	programme_list_eyebrow: m.programme_list_eyebrow,
	programme_list_head_of_delegation: m.programme_list_head_of_delegation,
	programme_list_side_empty: m.programme_list_side_empty,
	programme_list_truncated: m.programme_list_truncated
});

/** Every signed-in reader may print the list: in one language, or two side by side (`?lang=en&also=ru`). */
export const load: PageServerLoad = async ({ params, url }) => {
	const eventId = Number(params.eventId);
	const printout = await readPrintout(url.searchParams, async () => {
		const print = await findParticipantPrint(database().db, eventId);
		return print && { print, words: columnWords() };
	});
	if (!printout) error(404, m.programme_error_no_event());
	const { languages, columns } = printout;
	return {
		languages,
		print: columns[0]!.view.print,
		columns: columns.map(({ locale, view }) => ({ locale, ...view })),
		words: { ...pageWords(), ...printLanguagesWords() }
	};
};
