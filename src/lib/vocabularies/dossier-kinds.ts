import { m } from '../paraglide/messages.js';
import { vocabulary } from './vocabulary';

/** What a partner's dossier holds, as its kind filter names them. */
export const dossierKinds = /* @__PURE__ */ vocabulary({
	event: m.vocabulary_dossier_kind_event,
	correspondence: m.vocabulary_dossier_kind_correspondence,
	outcome: m.vocabulary_dossier_kind_outcome,
	agreement: m.vocabulary_dossier_kind_agreement,
	project: m.vocabulary_dossier_kind_project
});
