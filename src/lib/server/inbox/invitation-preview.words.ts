import { m } from '../../paraglide/messages.js';
import { defineWords } from '../i18n/words';
import { participantRoles } from '../../vocabulary';

/**
 * The words of an invitation's preview (src/lib/components/InvitationPreview.svelte), for the import
 * page and an inbox invitation's page to send.
 */
export const invitationPreviewWords = defineWords({
	participantRoles,
	notices_preview_address: m.notices_preview_address,
	notices_preview_all_day: m.notices_preview_all_day,
	notices_preview_attendees: m.notices_preview_attendees,
	notices_preview_cancelled: m.notices_preview_cancelled,
	notices_preview_description: m.notices_preview_description,
	notices_preview_directory: m.notices_preview_directory,
	notices_preview_imported_before: m.notices_preview_imported_before,
	notices_preview_in_directory: m.notices_preview_in_directory,
	notices_preview_kept_as_text: m.notices_preview_kept_as_text,
	notices_preview_name: m.notices_preview_name,
	notices_preview_new_attendee: m.notices_preview_new_attendee,
	notices_preview_new_organizer: m.notices_preview_new_organizer,
	notices_preview_none_given: m.notices_preview_none_given,
	notices_preview_occurrences: m.notices_preview_occurrences,
	notices_preview_online: m.notices_preview_online,
	notices_preview_organizer: m.notices_preview_organizer,
	notices_preview_place: m.notices_preview_place,
	notices_preview_repeats: m.notices_preview_repeats,
	notices_preview_role: m.notices_preview_role,
	notices_preview_version: m.notices_preview_version,
	notices_preview_when: m.notices_preview_when,
	notices_preview_window: m.notices_preview_window,
	notices_preview_window_truncated: m.notices_preview_window_truncated,
	notices_preview_zone_given: m.notices_preview_zone_given
});

export type InvitationPreviewWords = ReturnType<typeof invitationPreviewWords>;
