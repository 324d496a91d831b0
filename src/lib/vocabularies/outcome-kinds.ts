import { m } from '../paraglide/messages.js';
import { vocabulary } from './vocabulary';

/** Agreements are a register of their own (agreementStates); outcome rows of kind 'agreement' moved there. */
export const outcomeKinds = /* @__PURE__ */ vocabulary({
	decision: m.vocabulary_outcome_kind_decision,
	action_point: m.vocabulary_outcome_kind_action_point,
	statement: m.vocabulary_outcome_kind_statement
});
