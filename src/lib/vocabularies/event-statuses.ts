import { m } from '../paraglide/messages.js';
import { vocabulary } from './vocabulary';

export const eventStatuses = /* @__PURE__ */ vocabulary({
	draft: m.vocabulary_event_status_draft,
	planned: m.vocabulary_event_status_planned,
	confirmed: m.vocabulary_event_status_confirmed,
	held: m.vocabulary_event_status_held,
	postponed: m.vocabulary_event_status_postponed,
	cancelled: m.vocabulary_event_status_cancelled
});
