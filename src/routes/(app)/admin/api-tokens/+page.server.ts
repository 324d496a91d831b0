import { ApiTokenIssueInput, API_TOKEN_FIELDS } from '$lib/server/api-tokens/api-token.input';
import { issueApiToken, listApiTokensPage, revokeApiToken } from '$lib/server/api-tokens/api-token.service';
import { actorOf } from '$lib/server/auth/actor';
import { m } from '$lib/paraglide/messages';
import { database } from '$lib/server/db';
import { attempt, invalidInput, refuseForm } from '$lib/server/http/form-failure';
import { pageRequest } from '$lib/server/pagination';
import { formFields } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';
import { utcTimes } from '../times.server';
import { defineWords } from '$lib/server/i18n/words';
import { listWords } from '$lib/server/i18n/list.words';
import { apiTokenRoles } from '$lib/vocabulary';

/** The page's words, for its load to send. */
const pageWords = defineWords({
	apiTokenRoles,
	tokens_actions: m.tokens_actions,
	tokens_by: m.tokens_by,
	tokens_expires: m.tokens_expires,
	tokens_eyebrow: m.tokens_eyebrow,
	tokens_integration: m.tokens_integration,
	tokens_integration_hint: m.tokens_integration_hint,
	tokens_intro: m.tokens_intro,
	tokens_issue: m.tokens_issue,
	tokens_issue_heading: m.tokens_issue_heading,
	tokens_issued: m.tokens_issued,
	tokens_issued_heading: m.tokens_issued_heading,
	tokens_issued_text: m.tokens_issued_text,
	tokens_last_used: m.tokens_last_used,
	tokens_name: m.tokens_name,
	tokens_never: m.tokens_never,
	tokens_new_token: m.tokens_new_token,
	tokens_none: m.tokens_none,
	tokens_reads_as: m.tokens_reads_as,
	tokens_revoke: m.tokens_revoke,
	tokens_revoke_label: m.tokens_revoke_label,
	tokens_revoked: m.tokens_revoked,
	tokens_role: m.tokens_role,
	tokens_status: m.tokens_status,
	tokens_status_active: m.tokens_status_active,
	tokens_status_expired: m.tokens_status_expired,
	tokens_status_revoked: m.tokens_status_revoked,
	tokens_title: m.tokens_title,
	tokens_valid_through: m.tokens_valid_through,
	tokens_valid_through_hint: m.tokens_valid_through_hint
});

export const load: PageServerLoad = async (event) => {
	const tokens = await listApiTokensPage(database().db, actorOf(event), pageRequest(event.url, 50, ['id']));
	const times = utcTimes(
		tokens.items.flatMap((token) => [token.issuedAt, token.expiresAt, token.lastUsedAt, token.revokedAt])
	);
	return { tokens, times, words: { ...listWords(), ...pageWords() } };
};

export const actions: Actions = {
	issue: async (event) => {
		const fields = formFields(await event.request.formData(), API_TOKEN_FIELDS);
		const values = {
			name: fields.name ?? '',
			role: fields.role ?? '',
			validThrough: fields.validThrough ?? ''
		};
		const context = { form: 'issue' as const, values };
		const parsed = ApiTokenIssueInput.safeParse(values);
		if (!parsed.success) return invalidInput(parsed.error, context);
		return attempt(context, async () => {
			const { token } = await issueApiToken(database().db, actorOf(event), parsed.data);
			// Shown this once, in this answer only: only its hash is kept.
			return { issued: { name: parsed.data.name, token } };
		});
	},
	revoke: async (event) => {
		const tokenId = Number((await event.request.formData()).get('tokenId'));
		const context = { form: 'revoke' as const, values: { tokenId: String(tokenId) } };
		if (!Number.isSafeInteger(tokenId) || tokenId <= 0)
			return refuseForm(400, m.tokens_error_no_token(), context);
		return attempt(context, async () => {
			await revokeApiToken(database().db, actorOf(event), tokenId);
			return { revoked: tokenId };
		});
	}
};
