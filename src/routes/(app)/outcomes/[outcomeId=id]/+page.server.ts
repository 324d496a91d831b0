import { error, redirect } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { formVersion } from '$lib/server/events/event.input';
import { FollowUpNoteInput, OutcomeCarryInput, OutcomeStatusInput } from '$lib/server/outcomes/outcome.input';
import { findOutcomePage, setOutcomeStatus } from '$lib/server/outcomes/outcome.service';
import { carryActionPoints, noteFollowUp } from '$lib/server/outcomes/outcome-thread.service';
import { attempt, invalidInput, refuseForm } from '$lib/server/http/form-failure';
import { formFields } from '$lib/server/validation';
import { changeLinkAction } from '../../link-actions.server';
import type { Actions, PageServerLoad } from './$types';

/** `?find=`: later meetings to carry the action point to, found by words of their title. */
export const load: PageServerLoad = async ({ params, url }) => {
	const find = (url.searchParams.get('find') ?? '').slice(0, 200);
	const outcome = await findOutcomePage(database().db, Number(params.outcomeId), { find });
	if (!outcome) error(404, 'There is no such outcome.');
	return { outcome, find };
};

export const actions: Actions = {
	/** The follow-up status alone, from the outcome's page. */
	status: async (event) => {
		const fields = formFields(await event.request.formData(), ['status', 'version']);
		const context = { form: 'status' as const, values: { status: fields.status ?? '' } };
		const parsed = OutcomeStatusInput.safeParse(fields);
		const version = formVersion(fields.version ?? '');
		if (!parsed.success) return invalidInput(parsed.error, context);
		if (version === null) return refuseForm(400, 'Open the outcome again and retry.', context);
		return attempt(context, async () => {
			const outcomeId = Number(event.params.outcomeId);
			await setOutcomeStatus(database().db, actorOf(event), outcomeId, version, parsed.data.status);
			return { statusSaved: true };
		});
	},
	/** Carry it to a later meeting, chosen from what the finder found. */
	link: (event) => {
		const outcomeId = Number(event.params.outcomeId);
		return changeLinkAction(event.request, {
			schema: OutcomeCarryInput,
			write: ({ targetId }) => carryActionPoints(database().db, actorOf(event), targetId, [outcomeId]),
			back: { path: `/outcomes/${outcomeId}`, anchor: 'thread' }
		});
	},
	/** What was said on it at a meeting it was carried to. */
	note: async (event) => {
		const fields = formFields(await event.request.formData(), ['eventId', 'note', 'version']);
		const context = {
			form: 'note' as const,
			values: { eventId: fields.eventId ?? '', note: fields.note ?? '' }
		};
		const parsed = FollowUpNoteInput.safeParse(fields);
		if (!parsed.success) return invalidInput(parsed.error, context);
		const outcomeId = Number(event.params.outcomeId);
		return attempt(context, async () => {
			await noteFollowUp(database().db, actorOf(event), outcomeId, parsed.data);
			redirect(303, `/outcomes/${outcomeId}?noted=${parsed.data.eventId}#thread`);
		});
	}
};
