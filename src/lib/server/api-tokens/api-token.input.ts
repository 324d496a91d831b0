/** What the administrators' token form sends, checked: a name, a role, and an optional last day. */
import { z } from 'zod';
import { apiTokenRoles } from '../../vocabulary';
import { calendarDate, optional, plainText } from '../validation';

export const API_TOKEN_FIELDS = ['name', 'role', 'validThrough'] as const;

export const ApiTokenIssueInput = z.object({
	name: plainText('Name', 100),
	role: z.enum(apiTokenRoles.values, { error: 'Choose the role the token reads with.' }),
	/** The last day (UTC) it is accepted; empty: until revoked. */
	validThrough: optional(calendarDate('last day')).default(null)
});
export type ApiTokenIssueInput = z.output<typeof ApiTokenIssueInput>;
