import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { findEventDeletion } from '$lib/server/events/event-read.service';
import { formatOffset, formatWhen } from '$lib/format/datetime';
import { EventDeleteInput, formVersion } from '$lib/server/events/event.input';
import { deleteEvent } from '$lib/server/events/event.service';
import { attempt, invalidInput, refuseForm } from '$lib/server/http/form-failure';
import { formFields } from '$lib/server/validation';
import { defineWords } from '$lib/server/i18n/words';
import type { Actions, PageServerLoad } from './$types';

/** The words of the confirmation, for its load to send. */
const pageWords = defineWords({
	events_back_to_event: m.events_back_to_event,
	events_delete_agenda_one: m.events_delete_agenda_one,
	events_delete_agenda_other: m.events_delete_agenda_other,
	events_delete_audit: m.events_delete_audit,
	events_delete_button: m.events_delete_button,
	events_delete_confirm: m.events_delete_confirm,
	events_delete_confirm_unlink: m.events_delete_confirm_unlink,
	events_delete_follow_ups_one: m.events_delete_follow_ups_one,
	events_delete_follow_ups_other: m.events_delete_follow_ups_other,
	events_delete_heading: m.events_delete_heading,
	events_delete_keep: m.events_delete_keep,
	events_delete_letters_one: m.events_delete_letters_one,
	events_delete_letters_other: m.events_delete_letters_other,
	events_delete_links: m.events_delete_links,
	events_delete_outcomes_one: m.events_delete_outcomes_one,
	events_delete_outcomes_other: m.events_delete_outcomes_other,
	events_delete_page_title: m.events_delete_page_title,
	events_delete_participants_one: m.events_delete_participants_one,
	events_delete_participants_other: m.events_delete_participants_other,
	events_delete_removes: m.events_delete_removes,
	events_delete_seating: m.events_delete_seating,
	events_new_eyebrow: m.events_new_eyebrow
});

export const load: PageServerLoad = async ({ params }) => {
	const event = await findEventDeletion(database().db, Number(params.eventId));
	if (!event) error(404, m.events_page_not_found());
	// Written out here, so that the page does no date maths.
	const when = { text: formatWhen(event), offset: formatOffset(event.startAt, event.timeZone) };
	return { event, when, words: pageWords() };
};

export const actions: Actions = {
	delete: async (event) => {
		const eventId = Number(event.params.eventId);
		const fields = formFields(await event.request.formData(), ['confirm', 'version']);
		const version = formVersion(fields.version ?? '');
		const context = { values: { confirm: fields.confirm ?? '' } };
		const parsed = EventDeleteInput.safeParse(fields);
		if (!parsed.success) return invalidInput(parsed.error, context);
		if (version === null) {
			return refuseForm(400, m.events_delete_no_version(), context);
		}
		return attempt(context, async () => {
			await deleteEvent(database().db, actorOf(event), eventId, version);
			redirect(303, '/events');
		});
	}
};
