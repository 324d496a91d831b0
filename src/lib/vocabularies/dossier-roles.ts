import { m } from '../paraglide/messages.js';
import { vocabulary } from './vocabulary';

/** How an organisation takes part in a record of its dossier. */
export const dossierRoles = /* @__PURE__ */ vocabulary({
	host: m.vocabulary_dossier_role_host,
	co_host: m.vocabulary_dossier_role_co_host,
	participant: m.vocabulary_dossier_role_participant,
	sender: m.vocabulary_dossier_role_sender,
	recipient: m.vocabulary_dossier_role_recipient,
	owner: m.vocabulary_dossier_role_owner,
	party: m.vocabulary_dossier_role_party,
	partner: m.vocabulary_dossier_role_partner,
	meeting: m.vocabulary_dossier_role_meeting
});
