import { m } from '../paraglide/messages.js';
import { vocabulary } from './vocabulary';

export const outcomeStatuses = /* @__PURE__ */ vocabulary({
	open: m.vocabulary_outcome_status_open,
	in_progress: m.vocabulary_outcome_status_in_progress,
	done: m.vocabulary_outcome_status_done,
	dropped: m.vocabulary_outcome_status_dropped
});
