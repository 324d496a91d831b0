/**
 * The beats the event form's save shares on every page that has it (new, edit, duplicate): read the form
 * as typed, validate it, call one service, and answer a refusal with everything the officer typed, the
 * message beside its field, the clashes to confirm, or the other officer's version.
 */
import { fail, redirect, type ActionFailure } from '@sveltejs/kit';
import type { EventSaveOutcome } from '$lib/server/events/event-form.view';
import {
	EventFormInput,
	readEventForm,
	type EventFormValues,
	type EventInput
} from '$lib/server/events/event.input';
import { failureFrom, formFailure, invalidInput, type FormFailure } from '$lib/server/http/form-failure';

export type SaveEvent = (
	input: EventInput,
	options: { overrideClashes: boolean },
	values: EventFormValues
) => Promise<EventSaveOutcome>;

type Clashes = Extract<EventSaveOutcome, { saved: false }>;

/** The one failure shape, and the clashes to confirm when the save found any. */
export type EventFormFailure = FormFailure<EventFormValues> & {
	clashes?: { list: Clashes['clashes']; proposed: Clashes['proposed'] };
};

export async function saveEventForm(
	request: Request,
	save: SaveEvent
): Promise<ActionFailure<EventFormFailure>> {
	const { values, overrideClashes } = readEventForm(await request.formData());
	const parsed = EventFormInput.safeParse(values);
	if (!parsed.success) return invalidInput(parsed.error, { values });
	let outcome: EventSaveOutcome;
	try {
		outcome = await save(parsed.data, { overrideClashes }, values);
	} catch (e) {
		return failureFrom(e, { values });
	}
	if (!outcome.saved) {
		const clashes = { list: outcome.clashes, proposed: outcome.proposed };
		return fail(409, { ...formFailure({ values }), clashes });
	}
	redirect(303, `/events/${outcome.eventId}`);
}
