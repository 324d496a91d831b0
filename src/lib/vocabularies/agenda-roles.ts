import { m } from '../paraglide/messages.js';
import { vocabulary } from './vocabulary';

export const agendaRoles = /* @__PURE__ */ vocabulary({
	chair: m.vocabulary_agenda_role_chair,
	moderator: m.vocabulary_agenda_role_moderator,
	speaker: m.vocabulary_agenda_role_speaker,
	presenter: m.vocabulary_agenda_role_presenter,
	video_message: m.vocabulary_agenda_role_video_message
});
