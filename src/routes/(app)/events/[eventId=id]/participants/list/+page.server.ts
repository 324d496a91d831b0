import { error } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { parsePrintLanguages, readInEachLanguage } from '$lib/server/i18n/print-languages';
import { findParticipantPrint } from '$lib/server/participants/participant-read.service';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { PageServerLoad } from './$types';

/** Every signed-in reader may print the list: in one language, or two side by side (`?lang=en&also=ru`). */
export const load: PageServerLoad = async ({ params, url }) => {
	const eventId = Number(params.eventId);
	const languages = parsePrintLanguages(url.searchParams, getLocale());
	const columns = await readInEachLanguage(languages, () => findParticipantPrint(database().db, eventId));
	const first = columns[0]!.view;
	if (!first) error(404, m.programme_error_no_event());
	return {
		languages,
		print: first,
		columns: columns.map(({ locale, view }) => ({ locale, print: view! }))
	};
};
