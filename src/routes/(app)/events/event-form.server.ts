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
import { resolveChosen, type ChooserField } from '$lib/server/choosers/chooser.service';
import { database } from '$lib/server/db';
import {
	failureFrom,
	formFailure,
	invalidInput,
	unresolvedChoices,
	withChoosers,
	type FormFailure
} from '$lib/server/http/form-failure';

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

/** The event form's choosers: its venue, and its hosts and co-hosts. */
export const EVENT_CHOOSERS: Record<string, ChooserField> = {
	venueId: { kind: 'venue' },
	host: { kind: 'organization', multiple: true },
	coHost: { kind: 'organization', multiple: true }
};

export async function saveEventForm(
	request: Request,
	save: SaveEvent
): Promise<ActionFailure<EventFormFailure>> {
	const data = await request.formData();
	const chosen = await resolveChosen(database().db, data, EVENT_CHOOSERS);
	const { values, overrideClashes } = readEventForm(data);
	const unresolved = unresolvedChoices(chosen, { values });
	if (unresolved) return unresolved;
	const parsed = EventFormInput.safeParse(values);
	if (!parsed.success) return withChoosers(invalidInput(parsed.error, { values }), chosen);
	let outcome: EventSaveOutcome;
	try {
		outcome = await save(parsed.data, { overrideClashes }, values);
	} catch (e) {
		return withChoosers(failureFrom(e, { values }), chosen);
	}
	if (!outcome.saved) {
		const clashes = { list: outcome.clashes, proposed: outcome.proposed };
		return fail(409, { ...formFailure({ values }), clashes, choosers: chosen.choosers });
	}
	redirect(303, `/events/${outcome.eventId}`);
}
