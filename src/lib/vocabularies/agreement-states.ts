import { m } from '../paraglide/messages.js';
import { vocabulary } from './vocabulary';

/**
 * Where an agreement stands, derived from its dates (agreements/agreement.state.ts), never stored: a
 * later state wins over an earlier one.
 */
export const agreementStates = /* @__PURE__ */ vocabulary({
	draft: m.vocabulary_agreement_state_draft,
	signed: m.vocabulary_agreement_state_signed,
	approved: m.vocabulary_agreement_state_approved,
	in_force: m.vocabulary_agreement_state_in_force,
	expired: m.vocabulary_agreement_state_expired,
	terminated: m.vocabulary_agreement_state_terminated
});
