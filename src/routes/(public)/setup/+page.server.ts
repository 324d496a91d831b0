import { redirect } from '@sveltejs/kit';
import { setSessionCookie } from '$lib/server/auth/session';
import { database } from '$lib/server/db';
import { attempt, invalidInput } from '$lib/server/http/form-failure';
import { FirstAdministratorInput } from '$lib/server/users/user.input';
import { createFirstAdministrator } from '$lib/server/users/user.service';
import { formFields } from '$lib/server/validation';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const fields = formFields(await request.formData(), ['name', 'email', 'password', 'confirm']);
		const values = { name: fields.name ?? '', email: fields.email ?? '' };
		const parsed = FirstAdministratorInput.safeParse(fields);
		if (!parsed.success) return invalidInput(parsed.error, { values });
		return attempt({ values }, async () => {
			const { token, session } = await createFirstAdministrator(database().db, parsed.data, {
				clientAddress: getClientAddress(),
				userAgent: request.headers.get('user-agent')
			});
			setSessionCookie(cookies, token, session, url.protocol === 'https:');
			redirect(303, '/');
		});
	}
};
