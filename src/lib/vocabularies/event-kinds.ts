import { m } from '../paraglide/messages.js';
import { vocabulary } from './vocabulary';

export const eventKinds = /* @__PURE__ */ vocabulary({
	observance: m.vocabulary_event_kind_observance,
	forum: m.vocabulary_event_kind_forum,
	debrief: m.vocabulary_event_kind_debrief,
	bilateral_meeting: m.vocabulary_event_kind_bilateral_meeting,
	multilateral_meeting: m.vocabulary_event_kind_multilateral_meeting,
	official_visit: m.vocabulary_event_kind_official_visit,
	working_visit: m.vocabulary_event_kind_working_visit,
	council_session: m.vocabulary_event_kind_council_session,
	training: m.vocabulary_event_kind_training,
	signing_ceremony: m.vocabulary_event_kind_signing_ceremony,
	reception: m.vocabulary_event_kind_reception,
	other: m.vocabulary_event_kind_other
});
