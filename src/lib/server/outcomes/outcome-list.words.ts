/** The words of outcomes in brief (src/lib/components/OutcomeList.svelte), for the pages that show them to send. */
import { m } from '../../paraglide/messages.js';
import { defineWords } from '../i18n/words';

export const outcomeListWords = defineWords({
	records_outcome_due: m.records_outcome_due,
	records_outcome_followed_up: m.records_outcome_followed_up,
	records_outcome_from: m.records_outcome_from,
	records_outcome_owner: m.records_outcome_owner,
	records_outcome_this_event: m.records_outcome_this_event,
	records_parties: m.records_parties
});

export type OutcomeListWords = ReturnType<typeof outcomeListWords>;
