/**
 * The beats the event form's save shares on every page that has it (new, edit, duplicate): read the form
 * as typed, validate it, call one service, and answer a refusal with everything the officer typed, the
 * message beside its field, the clashes to confirm, or the other officer's version.
 */
import { error, fail, redirect } from '@sveltejs/kit';
import type { EventSaveOutcome } from '$lib/server/events/event-form.view';
import {
	EventFormInput,
	readEventForm,
	type EventFormValues,
	type EventInput
} from '$lib/server/events/event.input';
import { NotFound, RuleViolation, StaleRecord } from '$lib/server/errors';
import { fieldErrors } from '$lib/server/validation';

export type SaveEvent = (
	input: EventInput,
	options: { overrideClashes: boolean },
	values: EventFormValues
) => Promise<EventSaveOutcome>;

export async function saveEventForm(request: Request, save: SaveEvent) {
	const { values, overrideClashes } = readEventForm(await request.formData());
	const parsed = EventFormInput.safeParse(values);
	if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
	let outcome: EventSaveOutcome;
	try {
		outcome = await save(parsed.data, { overrideClashes }, values);
	} catch (e) {
		if (e instanceof StaleRecord) {
			const current = e.current as EventFormValues;
			return fail(409, { values: current, errors: {}, stale: { message: e.message, yours: values } });
		}
		if (e instanceof RuleViolation) {
			const errors = Object.keys(e.fields).length > 0 ? e.fields : { form: e.message };
			return fail(400, { values, errors });
		}
		if (e instanceof NotFound) error(404, e.message);
		throw e;
	}
	if (!outcome.saved) {
		return fail(409, { values, errors: {}, clashes: { list: outcome.clashes, proposed: outcome.proposed } });
	}
	redirect(303, `/events/${outcome.eventId}`);
}
