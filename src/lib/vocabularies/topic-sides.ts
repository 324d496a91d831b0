import { m } from '../paraglide/messages.js';
import { vocabulary } from './vocabulary';

/** Who brings a meeting's topic up: the office's side, or the visiting or receiving partner's. */
export const topicSides = /* @__PURE__ */ vocabulary({
	our_side: m.vocabulary_topic_side_our_side,
	their_side: m.vocabulary_topic_side_their_side
});
