import { resolveChosen } from '$lib/server/choosers/chooser.service';
import { database } from '$lib/server/db';
import { datedRef } from '$lib/server/events/event.ref';
import { formatCalendarDate } from '$lib/format/datetime';
import { parseOutcomeListQuery } from '$lib/server/outcomes/outcome.input';
import { listOutcomesPage } from '$lib/server/outcomes/outcome.service';
import { pageRequest } from '$lib/server/pagination';
import type { PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { defineWords } from '$lib/server/i18n/words';
import { listWords } from '$lib/server/i18n/list.words';
import { outcomeKinds, outcomeStatuses } from '$lib/vocabulary';

/** The page's words, for its load to send. */
const pageWords = defineWords({
	outcomeKinds,
	outcomeStatuses,
	outcomes_list_any_kind: m.outcomes_list_any_kind,
	outcomes_list_any_owner: m.outcomes_list_any_owner,
	outcomes_list_any_status: m.outcomes_list_any_status,
	outcomes_list_due: m.outcomes_list_due,
	outcomes_list_eyebrow: m.outcomes_list_eyebrow,
	outcomes_list_filter: m.outcomes_list_filter,
	outcomes_list_from_event: m.outcomes_list_from_event,
	outcomes_list_kind: m.outcomes_list_kind,
	outcomes_list_new: m.outcomes_list_new,
	outcomes_list_no_match: m.outcomes_list_no_match,
	outcomes_list_none_yet: m.outcomes_list_none_yet,
	outcomes_list_outcome: m.outcomes_list_outcome,
	outcomes_list_owner: m.outcomes_list_owner,
	outcomes_list_owner_column: m.outcomes_list_owner_column,
	outcomes_list_status: m.outcomes_list_status,
	outcomes_list_title: m.outcomes_list_title
});

export const load: PageServerLoad = async ({ url }) => {
	const { db } = database();
	const params = new URLSearchParams(url.searchParams);
	// The owner chosen by name (?person=, as the person page links here), shown and kept in the filter.
	const chosen = await resolveChosen(db, params, { person: { kind: 'person' } });
	const query = parseOutcomeListQuery(params);
	const page = await listOutcomesPage(db, { ...query, page: pageRequest(url, 25, ['id']) });
	// Dates written here, in the event's zone, so that the page formats none (nor loads the code to).
	const outcomes = {
		...page,
		items: page.items.map((outcome) => ({
			...outcome,
			event: datedRef(outcome.event),
			due: outcome.dueOn && formatCalendarDate(outcome.dueOn)
		}))
	};
	return { query, outcomes, chosen, words: { ...listWords(), ...pageWords() } };
};
