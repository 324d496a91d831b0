import { m } from '../paraglide/messages.js';
import { vocabulary } from './vocabulary';

export const userRoles = /* @__PURE__ */ vocabulary({
	admin: m.vocabulary_user_role_admin,
	officer: m.vocabulary_user_role_officer,
	viewer: m.vocabulary_user_role_viewer
});
