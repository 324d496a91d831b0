import { error } from '@sveltejs/kit';
import { findProgramme } from '$lib/server/agenda/agenda.service';
import { database } from '$lib/server/db';
import { readPrintout } from '$lib/server/i18n/print-languages';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

/** The programme in one language, or two side by side (`?lang=az&also=en`). */
export const load: PageServerLoad = async ({ params, url }) => {
	const eventId = Number(params.eventId);
	const printout = await readPrintout(url.searchParams, () => findProgramme(database().db, eventId));
	if (!printout) error(404, m.programme_error_no_event());
	const { languages, columns } = printout;
	return {
		languages,
		programme: columns[0]!.view,
		columns: columns.map(({ locale, view }) => ({ locale, programme: view }))
	};
};
