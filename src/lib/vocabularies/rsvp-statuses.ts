import { m } from '../paraglide/messages.js';
import { vocabulary } from './vocabulary';

export const rsvpStatuses = /* @__PURE__ */ vocabulary({
	invited: m.vocabulary_rsvp_invited,
	accepted: m.vocabulary_rsvp_accepted,
	tentative: m.vocabulary_rsvp_tentative,
	declined: m.vocabulary_rsvp_declined,
	attended: m.vocabulary_rsvp_attended,
	no_show: m.vocabulary_rsvp_no_show
});
