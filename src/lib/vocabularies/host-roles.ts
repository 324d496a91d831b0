import { m } from '../paraglide/messages.js';
import { vocabulary } from './vocabulary';

export const hostRoles = /* @__PURE__ */ vocabulary({
	host: m.vocabulary_host_role_host,
	co_host: m.vocabulary_host_role_co_host
});
