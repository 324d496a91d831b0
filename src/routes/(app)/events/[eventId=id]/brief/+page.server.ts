import { error } from '@sveltejs/kit';
import { findEventBrief } from '$lib/server/briefs/brief.service';
import { database } from '$lib/server/db';
import { m } from '$lib/paraglide/messages';
import { defineWords } from '$lib/server/i18n/words';
import type { PageServerLoad } from './$types';

/** The words of the brief, for its load to send. */
const pageWords = defineWords({
	brief_actions_heading: m.brief_actions_heading,
	brief_agreed_at: m.brief_agreed_at,
	brief_agreements_heading: m.brief_agreements_heading,
	brief_assumed: m.brief_assumed,
	brief_delegations: m.brief_delegations,
	brief_due: m.brief_due,
	brief_eyebrow: m.brief_eyebrow,
	brief_follow_ups_empty: m.brief_follow_ups_empty,
	brief_head_of_delegation: m.brief_head_of_delegation,
	brief_latest_of: m.brief_latest_of,
	brief_left_actions_one: m.brief_left_actions_one,
	brief_left_actions_other: m.brief_left_actions_other,
	brief_left_agreements_one: m.brief_left_agreements_one,
	brief_left_agreements_other: m.brief_left_agreements_other,
	brief_left_carried_one: m.brief_left_carried_one,
	brief_left_carried_other: m.brief_left_carried_other,
	brief_left_meetings_one: m.brief_left_meetings_one,
	brief_left_meetings_other: m.brief_left_meetings_other,
	brief_left_people_one: m.brief_left_people_one,
	brief_left_people_other: m.brief_left_people_other,
	brief_left_projects_one: m.brief_left_projects_one,
	brief_left_projects_other: m.brief_left_projects_other,
	brief_left_topics_one: m.brief_left_topics_one,
	brief_left_topics_other: m.brief_left_topics_other,
	brief_letters_heading: m.brief_letters_heading,
	brief_meetings_heading: m.brief_meetings_heading,
	brief_no_actions: m.brief_no_actions,
	brief_no_agreements: m.brief_no_agreements,
	brief_no_due_date: m.brief_no_due_date,
	brief_no_meetings: m.brief_no_meetings,
	brief_no_owner: m.brief_no_owner,
	brief_no_partner: m.brief_no_partner,
	brief_no_projects: m.brief_no_projects,
	brief_no_topics: m.brief_no_topics,
	brief_no_venue: m.brief_no_venue,
	brief_nobody_invited: m.brief_nobody_invited,
	brief_nobody_on_side: m.brief_nobody_on_side,
	brief_none_recorded: m.brief_none_recorded,
	brief_overdue_one: m.brief_overdue_one,
	brief_overdue_other: m.brief_overdue_other,
	brief_partner: m.brief_partner,
	brief_print: m.brief_print,
	brief_print_hint: m.brief_print_hint,
	brief_printing_label: m.brief_printing_label,
	brief_projects_heading: m.brief_projects_heading,
	brief_received: m.brief_received,
	brief_ref: m.brief_ref,
	brief_sent: m.brief_sent,
	brief_they_may_ask: m.brief_they_may_ask,
	brief_title_tag: m.brief_title_tag,
	brief_topics: m.brief_topics,
	brief_topics_heading: m.brief_topics_heading,
	brief_when: m.brief_when,
	brief_where: m.brief_where,
	events_back_to_event: m.events_back_to_event,
	events_page_follow_up: m.events_page_follow_up
});

/** Every signed-in reader may read and print the brief. */
export const load: PageServerLoad = async ({ params }) => {
	const brief = await findEventBrief(database().db, Number(params.eventId));
	if (!brief) error(404, m.events_page_not_found());
	return { brief, words: pageWords() };
};
