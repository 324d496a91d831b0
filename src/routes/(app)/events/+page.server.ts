import { datedSummary } from '$lib/server/events/event.view';
import { resolveChosen } from '$lib/server/choosers/chooser.service';
import { database } from '$lib/server/db';
import { listEventsPage } from '$lib/server/events/event-read.service';
import { parseEventListQuery } from '$lib/server/events/event.input';
import { pageRequest } from '$lib/server/pagination';
import { defineWords } from '$lib/server/i18n/words';
import { listWords } from '$lib/server/i18n/list.words';
import { m } from '$lib/paraglide/messages';
import { eventKinds, eventStatuses } from '$lib/vocabulary';
import type { PageServerLoad } from './$types';

/** The list's words, with the kinds and statuses it filters by, for its load to send. */
const pageWords = defineWords({
	eventKinds,
	eventStatuses,
	events_list_any_kind: m.events_list_any_kind,
	events_list_any_organization: m.events_list_any_organization,
	events_list_any_status: m.events_list_any_status,
	events_list_eyebrow: m.events_list_eyebrow,
	events_list_filter: m.events_list_filter,
	events_list_heading: m.events_list_heading,
	events_list_hosts: m.events_list_hosts,
	events_list_kind: m.events_list_kind,
	events_list_none_past: m.events_list_none_past,
	events_list_none_past_filtered: m.events_list_none_past_filtered,
	events_list_none_upcoming: m.events_list_none_upcoming,
	events_list_none_upcoming_filtered: m.events_list_none_upcoming_filtered,
	events_list_online: m.events_list_online,
	events_list_organization: m.events_list_organization,
	events_list_page_title: m.events_list_page_title,
	events_list_past: m.events_list_past,
	events_list_see_past: m.events_list_see_past,
	events_list_status: m.events_list_status,
	events_list_upcoming: m.events_list_upcoming,
	events_list_when: m.events_list_when,
	events_list_where: m.events_list_where
});

export const load: PageServerLoad = async ({ url, locals }) => {
	const { db } = database();
	const params = new URLSearchParams(url.searchParams);
	const chosen = await resolveChosen(db, params, { organization: { kind: 'organization' } });
	const query = parseEventListQuery(params);
	const page = await listEventsPage(
		db,
		{ ...query, now: new Date().toISOString() },
		pageRequest(url, 25, ['instant', 'id'])
	);
	const officer = locals.user !== null && locals.user.role !== 'viewer';
	// Each row's days and time written here, in its zone, so that the page formats no dates.
	const events = { ...page, items: page.items.map((event) => datedSummary(event, true)) };
	return {
		query,
		events,
		chosen,
		words: { ...listWords(), ...pageWords() },
		// Only officers are offered a new event: its words come with the button alone.
		newEventLabel: officer ? m.events_list_new() : null
	};
};
