import { error, redirect } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { formVersion } from '$lib/server/events/event.input';
import { GuestNeedsInput, readGuestNeedsForm } from '$lib/server/guest-needs/guest-needs.input';
import { findGuestNeedsForm, saveGuestNeeds } from '$lib/server/guest-needs/guest-needs.service';
import { attempt, invalidInput } from '$lib/server/http/form-failure';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { INTERPRETATION_LANGUAGES, languageName } from '$lib/guest-needs';
import { defineWords } from '$lib/server/i18n/words';
import { dietaryRequirements } from '$lib/vocabulary';
import type { Actions, PageServerLoad } from './$types';

/** The words of a guest's needs form, with the requirements' labels, for its load to send. */
const pageWords = defineWords({
	dietaryRequirements,
	needs_cancel: m.needs_cancel,
	needs_dietary: m.needs_dietary,
	needs_field_accessibility: m.needs_field_accessibility,
	needs_field_accessibility_hint: m.needs_field_accessibility_hint,
	needs_field_dietary_note: m.needs_field_dietary_note,
	needs_field_dietary_note_hint: m.needs_field_dietary_note_hint,
	needs_field_interpretation: m.needs_field_interpretation,
	needs_field_security: m.needs_field_security,
	needs_field_security_hint: m.needs_field_security_hint,
	needs_guest_heading: m.needs_guest_heading,
	needs_guest_intro: m.needs_guest_intro,
	needs_guest_title_tag: m.needs_guest_title_tag,
	needs_heading: m.needs_heading,
	needs_no_requirement: m.needs_no_requirement,
	needs_none_needed: m.needs_none_needed,
	needs_save: m.needs_save,
	needs_you_typed: m.needs_you_typed,
	needs_you_typed_note: m.needs_you_typed_note
});

/** The languages offered for interpretation, named and sorted in the reader's language. */
function interpretationLanguages() {
	const collator = new Intl.Collator(getLocale());
	return INTERPRETATION_LANGUAGES.map((tag) => ({ tag, name: languageName(tag) })).sort((a, b) =>
		collator.compare(a.name, b.name)
	);
}

export const load: PageServerLoad = async (event) => {
	const form = await findGuestNeedsForm(
		database().db,
		actorOf(event),
		Number(event.params.eventId),
		Number(event.params.participantId)
	);
	if (!form) error(404, m.needs_not_participant());
	return { ...form, languages: interpretationLanguages(), words: pageWords() };
};

export const actions: Actions = {
	save: async (event) => {
		const eventId = Number(event.params.eventId);
		const participantId = Number(event.params.participantId);
		const values = readGuestNeedsForm(await event.request.formData());
		const parsed = GuestNeedsInput.safeParse(values);
		if (!parsed.success) return invalidInput(parsed.error, { values });
		return attempt({ values }, async () => {
			const version = values.version === '' ? null : formVersion(values.version);
			await saveGuestNeeds(database().db, actorOf(event), eventId, participantId, version, parsed.data);
			redirect(303, `/events/${eventId}/needs#guest-${participantId}`);
		});
	}
};
