import { m } from '../paraglide/messages.js';
import { vocabulary } from './vocabulary';

/** The roles a read API token may act with: a user's, never an administrator's powers. */
export const apiTokenRoles = /* @__PURE__ */ vocabulary({
	viewer: m.vocabulary_api_token_role_viewer,
	officer: m.vocabulary_api_token_role_officer
});
