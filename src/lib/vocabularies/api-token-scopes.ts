import { m } from '../paraglide/messages.js';
import { vocabulary } from './vocabulary';

/** What a read API token may do: reading only, today. */
export const apiTokenScopes = /* @__PURE__ */ vocabulary({
	read: m.vocabulary_api_token_scope_read
});
