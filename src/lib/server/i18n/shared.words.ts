/**
 * The words of shared components that many pages show (a record's language versions on its form, the
 * finder that links records, tables of events, documents and outcomes, buttons that move or unlink),
 * sent by the (app) layout with every page, in the page's language, so that no page's script carries
 * them in three languages and no caller passes them: each component reads them from
 * `page.data.sharedWords`. Kept short (about 2 KB of each signed-in page's HTML), as every signed-in page
 * carries them, and only words of components that pages of several sections show.
 */
import { m } from '../../paraglide/messages.js';
import { defineWords } from './words';

export const sharedWords = defineWords({
	// ContentVersionsFields.svelte
	content_version_az: m.content_version_az,
	content_version_en: m.content_version_en,
	content_version_ru: m.content_version_ru,
	content_versions_hint: m.content_versions_hint,
	content_original_locale: m.content_original_locale,
	content_original_locale_unsaid: m.content_original_locale_unsaid,
	// LinkFinder.svelte
	records_link_button: m.records_link_button,
	records_link_find: m.records_link_find,
	records_link_nothing: m.records_link_nothing,
	records_link_linked: m.records_link_linked,
	// CorrespondenceTable.svelte
	records_column_reference: m.records_column_reference,
	records_column_date: m.records_column_date,
	records_column_document: m.records_column_document,
	records_column_from_to: m.records_column_from_to,
	records_draft: m.records_draft,
	records_letters_more: m.records_letters_more,
	// CalendarEntry.svelte, EventTable.svelte
	events_table_assumed: m.events_table_assumed,
	events_table_brief: m.events_table_brief,
	events_table_brief_for: m.events_table_brief_for,
	events_table_date: m.events_table_date,
	events_table_event: m.events_table_event,
	events_table_not_stated: m.events_table_not_stated,
	events_table_own_time: m.events_table_own_time,
	events_table_status: m.events_table_status,
	// OutcomeTable.svelte
	records_column_from: m.records_column_from,
	records_column_outcome: m.records_column_outcome,
	records_column_status: m.records_column_status,
	records_outcomes_more: m.records_outcomes_more,
	// AgreementList.svelte
	records_parties: m.records_parties,
	// UnlinkButton.svelte
	records_unlink: m.records_unlink,
	// MoveButtons.svelte
	events_move_down: m.events_move_down,
	events_move_down_label: m.events_move_down_label,
	events_move_up: m.events_move_up,
	events_move_up_label: m.events_move_up_label,
	// ProposalDecision.svelte
	notices_proposal_accept: m.notices_proposal_accept,
	notices_proposal_decline: m.notices_proposal_decline,
	notices_proposal_instead: m.notices_proposal_instead,
	notices_proposal_proposes: m.notices_proposal_proposes,
	// LikelyMatches.svelte
	records_matches_heading: m.records_matches_heading,
	records_matches_many: m.records_matches_many,
	records_matches_one: m.records_matches_one,
	records_matches_open: m.records_matches_open
});

export type SharedWords = ReturnType<typeof sharedWords>;

/**
 * The words of the shared components that pages outside (app) show too (a stored text shown as written,
 * an event's when and where, a visit's programme), sent by each layout whose pages show them: (app), the public event pages
 * (site) and the personal pages (link). Components read them from `page.data.displayWords`.
 */
export const displayWords = defineWords({
	// LocalizedText.svelte
	content_fallback_note: m.content_fallback_note,
	// EventWhenWhere.svelte
	events_page_all_day_zone: m.events_page_all_day_zone,
	events_page_assumed: m.events_page_assumed,
	events_page_online: m.events_page_online,
	events_page_when: m.events_page_when,
	events_page_where: m.events_page_where,
	// VisitProgramme.svelte
	visits_programme_cancelled: m.visits_programme_cancelled,
	visits_programme_empty: m.visits_programme_empty
});

export type DisplayWords = ReturnType<typeof displayWords>;
