/**
 * Outcomes in brief (src/lib/components/OutcomeList.svelte) with their dates written out by the page's
 * load, in the reader's language: the page then loads no date formatting.
 */
import { formatCalendarDate, formatShortDate } from '../../format/datetime';
import type { OutcomeView } from './outcome.view';

export function outcomesInBrief(outcomes: readonly OutcomeView[]) {
	return outcomes.map((outcome) => ({
		...outcome,
		/** The day of the event it was agreed at, in that event's zone. */
		eventDay: outcome.event ? formatShortDate(outcome.event.startAt, outcome.event.timeZone) : null,
		due: outcome.dueOn ? formatCalendarDate(outcome.dueOn) : null,
		followUps: outcome.followUps.map((followUp) => ({
			...followUp,
			day: formatShortDate(followUp.startAt, followUp.timeZone)
		}))
	}));
}

export type OutcomeInBrief = ReturnType<typeof outcomesInBrief>[number];
