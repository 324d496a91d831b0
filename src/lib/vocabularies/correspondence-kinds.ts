import { m } from '../paraglide/messages.js';
import { vocabulary } from './vocabulary';

export const correspondenceKinds = /* @__PURE__ */ vocabulary({
	note_verbale: m.vocabulary_correspondence_kind_note_verbale,
	letter: m.vocabulary_correspondence_kind_letter,
	invitation: m.vocabulary_correspondence_kind_invitation,
	memorandum: m.vocabulary_correspondence_kind_memorandum,
	email: m.vocabulary_correspondence_kind_email,
	report: m.vocabulary_correspondence_kind_report,
	other: m.vocabulary_correspondence_kind_other
});
