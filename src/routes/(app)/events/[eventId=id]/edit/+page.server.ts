import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { RuleViolation } from '$lib/server/errors';
import { findEventForm, getEventFormOptions } from '$lib/server/events/event-read.service';
import { EventStatusChangeInput, formVersion } from '$lib/server/events/event.input';
import { changeEventStatus, reviseEvent, type StatusChange } from '$lib/server/events/event.service';
import { attempt, invalidInput, refuseForm } from '$lib/server/http/form-failure';
import { formFields } from '$lib/server/validation';
import { saveEventForm } from '../../event-form.server';
import type { Actions, PageServerLoad } from './$types';
import { eventClashWords, eventFormWords } from '$lib/server/events/event-form.words';
import { defineWords } from '$lib/server/i18n/words';
import { refusalNotices } from './answers';

/** The page's own words, for its load to send. */
const pageWords = defineWords({
	events_back_to_event: m.events_back_to_event,
	events_edit_cancel_event: m.events_edit_cancel_event,
	events_edit_delete_heading: m.events_edit_delete_heading,
	events_edit_delete_hint: m.events_edit_delete_hint,
	events_edit_delete_link: m.events_edit_delete_link,
	events_edit_heading: m.events_edit_heading,
	events_edit_page_title: m.events_edit_page_title,
	events_edit_postpone: m.events_edit_postpone,
	events_edit_reason_hint: m.events_edit_reason_hint,
	events_edit_reinstate: m.events_edit_reinstate,
	events_edit_reinstate_heading: m.events_edit_reinstate_heading,
	events_edit_reinstate_hint: m.events_edit_reinstate_hint,
	events_edit_save: m.events_edit_save,
	events_edit_status_heading: m.events_edit_status_heading,
	events_field_reason: m.events_field_reason,
	events_new_eyebrow: m.events_new_eyebrow
});

export const load: PageServerLoad = async ({ params }) => {
	// So that the server draws a refused save with its notice (on-demand.svelte.ts).
	await refusalNotices.load();
	const db = database().db;
	const event = await findEventForm(db, Number(params.eventId));
	if (!event) error(404, m.events_page_not_found());
	return {
		heading: event.heading,
		values: event.values,
		options: await getEventFormOptions(db, event.values),
		words: { ...eventFormWords(), ...eventClashWords(), ...pageWords() }
	};
};

const NO_VERSION = () => m.events_edit_no_version();

type ActionEvent = Parameters<Actions[string]>[0];

/** Postpone, cancel, reinstate: one small form each, refused with a message the status panel shows. */
async function changeStatus(event: ActionEvent, change: StatusChange) {
	const needsReason = change !== 'reinstate';
	const eventId = Number(event.params.eventId);
	const fields = formFields(await event.request.formData(), ['reason', 'version']);
	const context = { form: 'status' as const, values: { reason: fields.reason ?? '' } };
	const version = formVersion(fields.version ?? '');
	if (version === null) return refuseForm(400, NO_VERSION(), context);
	let reason = '';
	if (needsReason) {
		const parsed = EventStatusChangeInput.safeParse(context.values);
		if (!parsed.success) return invalidInput(parsed.error, context);
		reason = parsed.data.reason;
	}
	return attempt(context, async () => {
		await changeEventStatus(database().db, actorOf(event), { eventId, version, change, reason });
		redirect(303, `/events/${eventId}`);
	});
}

export const actions: Actions = {
	save: async (event) => {
		const eventId = Number(event.params.eventId);
		return saveEventForm(event.request, (input, options, values) => {
			const version = formVersion(values.version);
			if (version === null) throw new RuleViolation(NO_VERSION());
			return reviseEvent(database().db, actorOf(event), eventId, version, input, options);
		});
	},
	postpone: (event) => changeStatus(event, 'postpone'),
	cancel: (event) => changeStatus(event, 'cancel'),
	reinstate: (event) => changeStatus(event, 'reinstate')
};
