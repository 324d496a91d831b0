import { ApiTokenIssueInput, API_TOKEN_FIELDS } from '$lib/server/api-tokens/api-token.input';
import { issueApiToken, listApiTokensPage, revokeApiToken } from '$lib/server/api-tokens/api-token.service';
import { actorOf } from '$lib/server/auth/actor';
import { m } from '$lib/paraglide/messages';
import { database } from '$lib/server/db';
import { attempt, invalidInput, refuseForm } from '$lib/server/http/form-failure';
import { pageRequest } from '$lib/server/pagination';
import { formFields } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const tokens = await listApiTokensPage(database().db, actorOf(event), pageRequest(event.url, 50, ['id']));
	return { tokens };
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
