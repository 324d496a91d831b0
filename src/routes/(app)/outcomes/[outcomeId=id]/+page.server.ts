import { m } from '$lib/paraglide/messages';
import { formatCalendarDate, formatDate, formatShortDate } from '$lib/format/datetime';
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
import { hasRole } from '$lib/server/auth/access';
import { outcomeStatuses } from '$lib/vocabulary';
import { defineWords } from '$lib/server/i18n/words';

/** The page's words, for its load to send. */
const pageWords = defineWords({
	outcomes_page_changed_by: m.outcomes_page_changed_by,
	outcomes_page_details: m.outcomes_page_details,
	outcomes_page_due: m.outcomes_page_due,
	outcomes_page_from: m.outcomes_page_from,
	outcomes_page_history: m.outcomes_page_history,
	outcomes_page_history_none: m.outcomes_page_history_none,
	outcomes_page_no_date: m.outcomes_page_no_date,
	outcomes_page_no_event: m.outcomes_page_no_event,
	outcomes_page_nobody: m.outcomes_page_nobody,
	outcomes_page_not_assigned: m.outcomes_page_not_assigned,
	outcomes_page_officer: m.outcomes_page_officer,
	outcomes_page_owner: m.outcomes_page_owner,
	outcomes_page_parties: m.outcomes_page_parties,
	outcomes_page_parties_none: m.outcomes_page_parties_none,
	outcomes_page_status: m.outcomes_page_status,
	outcomes_page_topic: m.outcomes_page_topic,
	outcomes_thread_agreed: m.outcomes_thread_agreed,
	outcomes_thread_closed: m.outcomes_thread_closed,
	outcomes_thread_heading: m.outcomes_thread_heading,
	outcomes_thread_not_taken_up: m.outcomes_thread_not_taken_up,
	outcomes_thread_taken_up: m.outcomes_thread_taken_up
});

/** The words of the panels only officers see: only they are sent them. */
const officerWords = defineWords({
	outcomeStatuses,
	outcomes_thread_edit_said: m.outcomes_thread_edit_said,
	outcomes_thread_record_said: m.outcomes_thread_record_said,
	outcomes_thread_said_at: m.outcomes_thread_said_at,
	outcomes_thread_save_said: m.outcomes_thread_save_said,
	outcomes_thread_carry_heading: m.outcomes_thread_carry_heading,
	outcomes_thread_carry_label: m.outcomes_thread_carry_label,
	outcomes_thread_carry_button: m.outcomes_thread_carry_button,
	outcomes_page_follow_up: m.outcomes_page_follow_up,
	outcomes_page_status_saved: m.outcomes_page_status_saved,
	outcomes_page_status_label: m.outcomes_page_status_label,
	outcomes_page_note: m.outcomes_page_note,
	outcomes_page_note_hint: m.outcomes_page_note_hint,
	outcomes_page_save_status: m.outcomes_page_save_status,
	outcomes_page_edit: m.outcomes_page_edit
});

type OutcomePage = NonNullable<Awaited<ReturnType<typeof findOutcomePage>>>;

/**
 * The outcome with its dates written out, so that the page and its thread format none: the meeting's
 * day and each later one's in its own zone, the due date, each change of status in the office's zone.
 */
function dated(outcome: OutcomePage, officeZone: string) {
	const { event } = outcome;
	return {
		...outcome,
		event: event && { ...event, day: formatDate(event.startAt, event.timeZone) },
		due: outcome.dueOn && formatCalendarDate(outcome.dueOn),
		followUps: outcome.followUps.map((followUp) => ({
			...followUp,
			day: formatShortDate(followUp.startAt, followUp.timeZone)
		})),
		statusChanges: outcome.statusChanges.map((change) => ({
			...change,
			day: formatDate(change.changedAt, officeZone)
		}))
	};
}

/** `?find=`: later meetings to carry the action point to, found by words of their title. */
export const load: PageServerLoad = async ({ params, url, locals }) => {
	const find = (url.searchParams.get('find') ?? '').slice(0, 200);
	const outcome = await findOutcomePage(database().db, Number(params.outcomeId), { find });
	if (!outcome) error(404, m.outcomes_not_found());
	return {
		outcome: dated(outcome, officeTimeZone()),
		find,
		words: pageWords(),
		officerWords: hasRole(locals.user, 'officer') ? officerWords() : null
	};
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
