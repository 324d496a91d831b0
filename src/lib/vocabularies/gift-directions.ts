import { m } from '../paraglide/messages.js';
import { vocabulary } from './vocabulary';

/** Seen from the office: a gift it (or one of its people) received, or one it gave. */
export const giftDirections = /* @__PURE__ */ vocabulary({
	received: m.vocabulary_gift_direction_received,
	given: m.vocabulary_gift_direction_given
});
