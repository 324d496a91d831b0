import { error, fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/access';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { NotFound, RuleViolation, StaleRecord } from '$lib/server/errors';
import { EventStatusChangeInput, formVersion } from '$lib/server/events/event.input';
import {
	changeEventStatus,
	findEventForm,
	getEventFormOptions,
	reviseEvent,
	type StatusChange
} from '$lib/server/events/event.service';
import { fieldErrors, formFields } from '$lib/server/validation';
import { saveEventForm } from '../../event-form.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	requireRole(locals.user, 'officer');
	const db = database().db;
	const [event, options] = await Promise.all([
		findEventForm(db, Number(params.eventId)),
		getEventFormOptions(db)
	]);
	if (!event) error(404, 'There is no such event.');
	return { heading: event.heading, values: event.values, options };
};

const NO_VERSION =
	'This form does not say which version of the event it was filled from: open the event again.';

type ActionEvent = Parameters<Actions[string]>[0];

/** Postpone, cancel, reinstate: one small form each, refused with a message the status panel shows. */
async function changeStatus(event: ActionEvent, change: StatusChange) {
	const needsReason = change !== 'reinstate';
	requireRole(event.locals.user, 'officer');
	const eventId = Number(event.params.eventId);
	const fields = formFields(await event.request.formData(), ['reason', 'version']);
	const reason = fields.reason ?? '';
	const version = formVersion(fields.version ?? '');
	if (version === null) return fail(400, { statusErrors: { form: NO_VERSION }, reason });
	let text = '';
	if (needsReason) {
		const parsed = EventStatusChangeInput.safeParse({ reason });
		if (!parsed.success) return fail(400, { statusErrors: fieldErrors(parsed.error), reason });
		text = parsed.data.reason;
	}
	try {
		await changeEventStatus(database().db, actorOf(event), { eventId, version, change, reason: text });
	} catch (e) {
		if (e instanceof NotFound) error(404, e.message);
		if (e instanceof StaleRecord) return fail(409, { statusErrors: { form: e.message }, reason });
		if (e instanceof RuleViolation) return fail(400, { statusErrors: { form: e.message }, reason });
		throw e;
	}
	redirect(303, `/events/${eventId}`);
}

export const actions: Actions = {
	save: async (event) => {
		requireRole(event.locals.user, 'officer');
		const eventId = Number(event.params.eventId);
		return saveEventForm(event.request, (input, options, values) => {
			const version = formVersion(values.version);
			if (version === null) throw new RuleViolation(NO_VERSION);
			return reviseEvent(database().db, actorOf(event), eventId, version, input, options);
		});
	},
	postpone: (event) => changeStatus(event, 'postpone'),
	cancel: (event) => changeStatus(event, 'cancel'),
	reinstate: (event) => changeStatus(event, 'reinstate')
};
