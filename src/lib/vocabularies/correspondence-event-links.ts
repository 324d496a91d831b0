import { m } from '../paraglide/messages.js';
import { vocabulary } from './vocabulary';

export const correspondenceEventLinks = /* @__PURE__ */ vocabulary({
	leads_to: m.vocabulary_correspondence_event_link_leads_to,
	concerns: m.vocabulary_correspondence_event_link_concerns,
	follows_up: m.vocabulary_correspondence_event_link_follows_up
});
