import { error } from '@sveltejs/kit';
import { findProgramme } from '$lib/server/agenda/agenda.service';
import type { ProgrammeView } from '$lib/server/agenda/agenda.view';
import { formatOffset, formatTime } from '$lib/format/datetime';
import { database } from '$lib/server/db';
import { readPrintout } from '$lib/server/i18n/print-languages';
import { m } from '$lib/paraglide/messages';
import { defineWords } from '$lib/server/i18n/words';
import { printLanguagesWords } from '$lib/server/i18n/print-languages.words';
import type { PageServerLoad } from './$types';

/** The words around the sheet, in the reader's language. */
const pageWords = defineWords({
	programme_actions: m.programme_actions,
	programme_back: m.programme_back,
	programme_page_title: m.programme_page_title,
	programme_print: m.programme_print
});

/** The words of one column, made in the column's language (readPrintout reads each column in it). */
const columnWords = defineWords({
	programme_all_day: m.programme_all_day,
	programme_co_host: m.programme_co_host,
	programme_co_hosts: m.programme_co_hosts,
	programme_empty: m.programme_empty,
	programme_eyebrow: m.programme_eyebrow,
	programme_host: m.programme_host,
	programme_hosts: m.programme_hosts,
	programme_when: m.programme_when,
	programme_where: m.programme_where,
	programme_zone: m.programme_zone,
	programme_zone_note: m.programme_zone_note
});

/** The programme with its clock times and its zone's offset written out, so that the sheet does no date maths. */
function withTimes(programme: ProgrammeView) {
	const zone = programme.timeZone;
	return {
		...programme,
		offset: formatOffset(programme.startAt, zone),
		items: programme.items.map((item) => ({
			...item,
			startTime: item.startAt ? formatTime(item.startAt, zone) : null,
			endTime: item.endAt ? formatTime(item.endAt, zone) : null
		}))
	};
}

/** The programme in one language, or two side by side (`?lang=az&also=en`). */
export const load: PageServerLoad = async ({ params, url }) => {
	const eventId = Number(params.eventId);
	const printout = await readPrintout(url.searchParams, async () => {
		const programme = await findProgramme(database().db, eventId);
		return programme && { programme: withTimes(programme), words: columnWords() };
	});
	if (!printout) error(404, m.programme_error_no_event());
	const { languages, columns } = printout;
	return {
		languages,
		programme: columns[0]!.view.programme,
		columns: columns.map(({ locale, view }) => ({ locale, ...view })),
		words: { ...pageWords(), ...printLanguagesWords() }
	};
};
