import { parseBoardQuery } from '$lib/server/actions/action-board.input';
import { getActionBoard } from '$lib/server/actions/action-board.service';
import { database } from '$lib/server/db';
import { datedRef } from '$lib/server/events/event.ref';
import { formatCalendarDate } from '$lib/format/datetime';
import { pageRequest } from '$lib/server/pagination';
import { changeOutcomeStatus } from '../outcome-status-action.server';
import { defineWords } from '$lib/server/i18n/words';
import { listWords } from '$lib/server/i18n/list.words';
import { m } from '$lib/paraglide/messages';
import { outcomeStatuses } from '$lib/vocabulary';
import type { Actions, PageServerLoad } from './$types';

/** The board's words, for its load to send. */
const pageWords = defineWords({
	actions_action_point: m.actions_action_point,
	actions_chosen_label: m.actions_chosen_label,
	actions_chosen_owner: m.actions_chosen_owner,
	actions_chosen_partner: m.actions_chosen_partner,
	actions_chosen_partner_under: m.actions_chosen_partner_under,
	actions_count: m.actions_count,
	actions_count_hint: m.actions_count_hint,
	actions_count_more: m.actions_count_more,
	actions_count_one: m.actions_count_one,
	actions_download: m.actions_download,
	actions_due: m.actions_due,
	actions_eyebrow: m.actions_eyebrow,
	actions_facet_count: m.actions_facet_count,
	actions_facet_count_more: m.actions_facet_count_more,
	actions_facet_due: m.actions_facet_due,
	actions_facet_meeting: m.actions_facet_meeting,
	actions_facet_officer: m.actions_facet_officer,
	actions_facet_status: m.actions_facet_status,
	actions_filter: m.actions_filter,
	actions_find_label: m.actions_find_label,
	actions_found_heading: m.actions_found_heading,
	actions_found_none: m.actions_found_none,
	actions_found_organization: m.actions_found_organization,
	actions_found_person: m.actions_found_person,
	actions_from_meeting: m.actions_from_meeting,
	actions_no_date: m.actions_no_date,
	actions_no_match: m.actions_no_match,
	actions_none: m.actions_none,
	actions_officer: m.actions_officer,
	actions_overdue: m.actions_overdue,
	actions_overdue_one: m.actions_overdue_one,
	actions_owned_by: m.actions_owned_by,
	actions_owner: m.actions_owner,
	actions_remove: m.actions_remove,
	actions_remove_owner: m.actions_remove_owner,
	actions_remove_partner: m.actions_remove_partner,
	actions_status: m.actions_status,
	actions_status_saved: m.actions_status_saved,
	actions_title: m.actions_title,
	actions_with_partner: m.actions_with_partner
});

/** The words of the form that changes a row's status, offered to officers only. */
const officerWords = defineWords({
	outcomeStatuses,
	actions_change: m.actions_change,
	actions_change_status_of: m.actions_change_status_of,
	actions_note: m.actions_note,
	actions_save: m.actions_save
});

export const load: PageServerLoad = async ({ url, locals }) => {
	const query = parseBoardQuery(url.searchParams);
	const view = await getActionBoard(database().db, query, pageRequest(url, 25, ['date', 'id']));
	const officer = locals.user !== null && locals.user.role !== 'viewer';
	// Dates written here (the meeting's in its zone), so that the page formats none (nor loads the code to).
	const board = {
		...view,
		todayWritten: formatCalendarDate(view.today),
		items: {
			...view.items,
			items: view.items.items.map((item) => ({
				...item,
				event: datedRef(item.event),
				due: item.dueOn && formatCalendarDate(item.dueOn)
			}))
		}
	};
	return {
		query,
		board,
		words: { ...listWords(), ...pageWords() },
		officerWords: officer ? officerWords() : null
	};
};

export const actions: Actions = {
	/** A row's status, with a note; the row names its outcome. */
	status: (event) => changeOutcomeStatus(event)
};
