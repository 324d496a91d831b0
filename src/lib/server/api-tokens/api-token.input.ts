/** What the administrators' token form sends, checked: a name, a role, and an optional last day. */
import { z } from 'zod';
import { m } from '../../paraglide/messages.js';
import { apiTokenRoles } from '../../vocabulary';
import { calendarDate, optional, plainText } from '../validation';

export const API_TOKEN_FIELDS = ['name', 'role', 'validThrough'] as const;

export const ApiTokenIssueInput = z.object({
	name: plainText(m.tokens_name, 100),
	role: z.enum(apiTokenRoles.values, { error: () => m.tokens_error_role() }),
	/** The last day (UTC) it is accepted; empty: until revoked. */
	validThrough: optional(calendarDate(m.tokens_error_valid_through)).default(null)
});
export type ApiTokenIssueInput = z.output<typeof ApiTokenIssueInput>;
