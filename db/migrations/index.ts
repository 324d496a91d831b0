/**
 * Every migration, in order. Listed by hand (not read from disk) so that the built server carries them:
 * adapter-node bundles this module, and Kysely's Migrator takes them from here on both engines.
 * A test checks that every file in this folder is listed.
 */
import type { Migration } from 'kysely/migration';
import * as createDirectory from './20261124_1800_create_directory';
import * as createEvents from './20261124_1801_create_events';
import * as createOutcomesAndCorrespondence from './20261124_1802_create_outcomes_and_correspondence';
import * as createAccountsAndAudit from './20261124_1803_create_accounts_and_audit';
import * as addAgendaItemDuration from './20261124_2020_add_agenda_item_duration';
import * as addPersonPrecedence from './20261124_2030_add_person_precedence';
import * as createSearchIndex from './20261124_2040_create_search_index';
import * as indexLongEvents from './20261124_2041_index_long_events';
import * as searchNoteWithoutConflict from './20261125_0001_search_note_without_conflict';
import * as createCalendarFeedsAndOutbox from './20261125_0010_create_calendar_feeds_and_outbox';
import * as addOutboxClaims from './20261126_1000_add_outbox_claims';
import * as createAgreements from './20261205_0100_create_agreements';
import * as createProjects from './20261205_0110_create_projects';
import * as addCorrespondenceThreads from './20261205_0200_add_correspondence_threads';
import * as createCorrespondenceFile from './20261205_0201_create_correspondence_file';
import * as reindexSpellingKeys from './20261205_0300_reindex_spelling_keys';
import * as addPersonNameKey from './20261205_0301_add_person_name_key';
import * as createPersonPosition from './20261205_0302_create_person_position';
import * as createPersonRedirect from './20261205_0303_create_person_redirect';
import * as indexPersonReferences from './20261205_0304_index_person_references';
import * as indexLoginFailures from './20261205_0400_index_login_failures';
import * as idsNeverReused from './20261205_0500_ids_never_reused';
import * as createDossierEntries from './20261205_0600_create_dossier_entries';
import * as createTopics from './20261205_0700_create_topics';
import * as addOutcomeResponsibleUser from './20261205_0800_add_outcome_responsible_user';
import * as createOutcomeStatusChanges from './20261205_0900_create_outcome_status_changes';
import * as addReminders from './20261205_0910_add_reminders';
import * as extendOutcomeFollowUp from './20261205_0950_extend_outcome_follow_up';
import * as indexListOrders from './20261206_0200_index_list_orders';
import * as indexParticipationsByStart from './20261206_0201_index_participations_by_start';
import * as createChooserWords from './20261206_0300_create_chooser_words';
import * as createInboxMessages from './20261206_0500_create_inbox_messages';
import * as addEventImport from './20261207_0100_add_event_import';
import * as addEventAllDay from './20261207_0200_add_event_all_day';
import * as createFeedChanges from './20261207_0300_create_feed_changes';
import * as createScheduledTurns from './20261207_0700_create_scheduled_turns';
import * as pendingNotesHoldTheirRow from './20261207_0701_pending_notes_hold_their_row';
import * as eventLengthStatistics from './20261207_0702_event_length_statistics';
import * as createGifts from './20261207_0900_create_gifts';
import * as createGuestNeeds from './20261207_0910_create_guest_needs';
import * as createApiTokens from './20261208_0100_create_api_tokens';
import * as createSeatingPlans from './20261208_0200_create_seating_plans';
import * as createVisits from './20261208_0300_create_visits';
import * as addCorrespondenceDrafts from './20261208_0400_add_correspondence_drafts';
import * as addUserLocale from './20261208_0500_add_user_locale';
import * as indexOutcomesByOwnerAndId from './20261208_0600_index_outcomes_by_owner_and_id';
import * as createSearchTerms from './20261208_0650_create_search_terms';
import * as addContentVersions from './20261208_0700_add_content_versions';
import * as addPersonPreferredLocale from './20261208_0800_add_person_preferred_locale';
import * as addSortKeys from './20261209_0200_add_sort_keys';
import * as addPersonPositionVersions from './20261210_0100_add_person_position_versions';
import * as carryEventEndsInStartIndex from './20261210_0200_carry_event_ends_in_start_index';
import * as indexOpenActionPoints from './20261210_0310_index_open_action_points';

export const migrations: Record<string, Migration> = {
	'20261124_1800_create_directory': createDirectory,
	'20261124_1801_create_events': createEvents,
	'20261124_1802_create_outcomes_and_correspondence': createOutcomesAndCorrespondence,
	'20261124_1803_create_accounts_and_audit': createAccountsAndAudit,
	'20261124_2020_add_agenda_item_duration': addAgendaItemDuration,
	'20261124_2030_add_person_precedence': addPersonPrecedence,
	'20261124_2040_create_search_index': createSearchIndex,
	'20261124_2041_index_long_events': indexLongEvents,
	'20261125_0001_search_note_without_conflict': searchNoteWithoutConflict,
	'20261125_0010_create_calendar_feeds_and_outbox': createCalendarFeedsAndOutbox,
	'20261126_1000_add_outbox_claims': addOutboxClaims,
	'20261205_0100_create_agreements': createAgreements,
	'20261205_0110_create_projects': createProjects,
	'20261205_0200_add_correspondence_threads': addCorrespondenceThreads,
	'20261205_0201_create_correspondence_file': createCorrespondenceFile,
	'20261205_0300_reindex_spelling_keys': reindexSpellingKeys,
	'20261205_0301_add_person_name_key': addPersonNameKey,
	'20261205_0302_create_person_position': createPersonPosition,
	'20261205_0303_create_person_redirect': createPersonRedirect,
	'20261205_0304_index_person_references': indexPersonReferences,
	'20261205_0400_index_login_failures': indexLoginFailures,
	'20261205_0500_ids_never_reused': idsNeverReused,
	'20261205_0600_create_dossier_entries': createDossierEntries,
	'20261205_0700_create_topics': createTopics,
	'20261205_0800_add_outcome_responsible_user': addOutcomeResponsibleUser,
	'20261205_0900_create_outcome_status_changes': createOutcomeStatusChanges,
	'20261205_0910_add_reminders': addReminders,
	'20261205_0950_extend_outcome_follow_up': extendOutcomeFollowUp,
	'20261206_0200_index_list_orders': indexListOrders,
	'20261206_0201_index_participations_by_start': indexParticipationsByStart,
	'20261206_0300_create_chooser_words': createChooserWords,
	'20261206_0500_create_inbox_messages': createInboxMessages,
	'20261207_0100_add_event_import': addEventImport,
	'20261207_0200_add_event_all_day': addEventAllDay,
	'20261207_0300_create_feed_changes': createFeedChanges,
	'20261207_0700_create_scheduled_turns': createScheduledTurns,
	'20261207_0701_pending_notes_hold_their_row': pendingNotesHoldTheirRow,
	'20261207_0702_event_length_statistics': eventLengthStatistics,
	'20261207_0900_create_gifts': createGifts,
	'20261207_0910_create_guest_needs': createGuestNeeds,
	'20261208_0100_create_api_tokens': createApiTokens,
	'20261208_0200_create_seating_plans': createSeatingPlans,
	'20261208_0300_create_visits': createVisits,
	'20261208_0400_add_correspondence_drafts': addCorrespondenceDrafts,
	'20261208_0500_add_user_locale': addUserLocale,
	'20261208_0600_index_outcomes_by_owner_and_id': indexOutcomesByOwnerAndId,
	'20261208_0650_create_search_terms': createSearchTerms,
	'20261208_0700_add_content_versions': addContentVersions,
	'20261208_0800_add_person_preferred_locale': addPersonPreferredLocale,
	'20261209_0200_add_sort_keys': addSortKeys,
	'20261210_0100_add_person_position_versions': addPersonPositionVersions,
	'20261210_0200_carry_event_ends_in_start_index': carryEventEndsInStartIndex,
	'20261210_0310_index_open_action_points': indexOpenActionPoints
};
