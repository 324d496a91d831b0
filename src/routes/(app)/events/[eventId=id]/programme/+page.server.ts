import { error } from '@sveltejs/kit';
import { findProgramme } from '$lib/server/agenda/agenda.service';
import { database } from '$lib/server/db';
import { parsePrintLanguages, readInEachLanguage } from '$lib/server/i18n/print-languages';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { PageServerLoad } from './$types';

/** The programme in one language, or two side by side (`?lang=az&also=en`). */
export const load: PageServerLoad = async ({ params, url }) => {
	const eventId = Number(params.eventId);
	const languages = parsePrintLanguages(url.searchParams, getLocale());
	const columns = await readInEachLanguage(languages, () => findProgramme(database().db, eventId));
	const first = columns[0]!.view;
	if (!first) error(404, m.programme_error_no_event());
	return {
		languages,
		programme: first,
		columns: columns.map(({ locale, view }) => ({ locale, programme: view! }))
	};
};
