import { displayWords } from '$lib/server/i18n/shared.words';
import { sendPersonalPageHeaders } from '$lib/server/links/personal-page.headers';
import type { LayoutServerLoad } from './$types';

// Here rather than in the page's load, so that the 404 of a dead link carries the headers too. The page
// shows stored texts, an event's when and where and a visit's programme (LocalizedText.svelte,
// EventWhenWhere.svelte, VisitProgramme.svelte), whose words come from here.
export const load: LayoutServerLoad = (event) => {
	sendPersonalPageHeaders(event);
	return { displayWords: displayWords() };
};
