import { m } from '../paraglide/messages.js';
import { vocabulary } from './vocabulary';

/** Official or working: what kind of visit a programme is for. */
export const visitKinds = /* @__PURE__ */ vocabulary({
	official: m.vocabulary_visit_kind_official,
	working: m.vocabulary_visit_kind_working
});
