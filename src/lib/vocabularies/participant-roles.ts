import { m } from '../paraglide/messages.js';
import { vocabulary } from './vocabulary';

export const participantRoles = /* @__PURE__ */ vocabulary({
	host: m.vocabulary_participant_role_host,
	head_of_delegation: m.vocabulary_participant_role_head_of_delegation,
	delegation_member: m.vocabulary_participant_role_delegation_member,
	speaker: m.vocabulary_participant_role_speaker,
	observer: m.vocabulary_participant_role_observer,
	press: m.vocabulary_participant_role_press,
	guest: m.vocabulary_participant_role_guest
});
