import { m } from '../paraglide/messages.js';
import { vocabulary } from './vocabulary';

/** Seen from the office: a document it received, or one it sent. */
export const correspondenceDirections = /* @__PURE__ */ vocabulary({
	incoming: m.vocabulary_correspondence_direction_incoming,
	outgoing: m.vocabulary_correspondence_direction_outgoing
});
