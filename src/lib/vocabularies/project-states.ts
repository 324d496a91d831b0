import { m } from '../paraglide/messages.js';
import { vocabulary } from './vocabulary';

export const projectStates = /* @__PURE__ */ vocabulary({
	planned: m.vocabulary_project_state_planned,
	ongoing: m.vocabulary_project_state_ongoing,
	completed: m.vocabulary_project_state_completed
});
