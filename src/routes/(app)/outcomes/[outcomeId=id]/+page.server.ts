import { m } from '$lib/paraglide/messages';
import { error, redirect } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { officeTimeZone } from '$lib/server/calendar/calendar.settings';
import { database } from '$lib/server/db';
import { attempt, invalidInput } from '$lib/server/http/form-failure';
import { FollowUpNoteInput, OutcomeCarryInput } from '$lib/server/outcomes/outcome.input';
import { carryActionPoints, noteFollowUp } from '$lib/server/outcomes/outcome-thread.service';
import { findOutcomePage } from '$lib/server/outcomes/outcome.service';
import { formFields } from '$lib/server/validation';
import { changeLinkAction } from '../../link-actions.server';
import { changeOutcomeStatus } from '../../outcome-status-action.server';
import type { Actions, PageServerLoad } from './$types';

/** `?find=`: later meetings to carry the action point to, found by words of their title. */
export const load: PageServerLoad = async ({ params, url }) => {
	const find = (url.searchParams.get('find') ?? '').slice(0, 200);
	const outcome = await findOutcomePage(database().db, Number(params.outcomeId), { find });
	if (!outcome) error(404, m.outcomes_not_found());
	return { outcome, find, officeTimeZone: officeTimeZone() };
};

export const actions: Actions = {
	/** The follow-up status alone, with a note, from the outcome's page. */
	status: (event) => changeOutcomeStatus(event, Number(event.params.outcomeId)),
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
