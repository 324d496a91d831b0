import { m } from '../paraglide/messages.js';
import { vocabulary } from './vocabulary';

export const agendaItemKinds = /* @__PURE__ */ vocabulary({
	opening_remarks: m.vocabulary_agenda_item_kind_opening_remarks,
	speech: m.vocabulary_agenda_item_kind_speech,
	video_message: m.vocabulary_agenda_item_kind_video_message,
	presentation: m.vocabulary_agenda_item_kind_presentation,
	panel: m.vocabulary_agenda_item_kind_panel,
	exchange_of_views: m.vocabulary_agenda_item_kind_exchange_of_views,
	signing: m.vocabulary_agenda_item_kind_signing,
	break: m.vocabulary_agenda_item_kind_break,
	closing: m.vocabulary_agenda_item_kind_closing
});
