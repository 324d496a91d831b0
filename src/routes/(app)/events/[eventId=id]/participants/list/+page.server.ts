import { error } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { readPrintout } from '$lib/server/i18n/print-languages';
import { findParticipantPrint } from '$lib/server/participants/participant-read.service';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

/** Every signed-in reader may print the list: in one language, or two side by side (`?lang=en&also=ru`). */
export const load: PageServerLoad = async ({ params, url }) => {
	const eventId = Number(params.eventId);
	const printout = await readPrintout(url.searchParams, () => findParticipantPrint(database().db, eventId));
	if (!printout) error(404, m.programme_error_no_event());
	const { languages, columns } = printout;
	return {
		languages,
		print: columns[0]!.view,
		columns: columns.map(({ locale, view }) => ({ locale, print: view }))
	};
};
