import { fail, redirect } from '@sveltejs/kit';
import { setSessionCookie } from '$lib/server/auth/session';
import { database } from '$lib/server/db';
import { Forbidden, RuleViolation } from '$lib/server/errors';
import { FirstAdministratorInput } from '$lib/server/users/user.input';
import { createFirstAdministrator } from '$lib/server/users/user.service';
import { fieldErrors, formFields } from '$lib/server/validation';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const fields = formFields(await request.formData(), ['name', 'email', 'password', 'confirm']);
		const values = { name: fields.name ?? '', email: fields.email ?? '' };
		const parsed = FirstAdministratorInput.safeParse(fields);
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
		try {
			const { token, session } = await createFirstAdministrator(database().db, parsed.data, {
				clientAddress: getClientAddress(),
				userAgent: request.headers.get('user-agent')
			});
			setSessionCookie(cookies, token, session, url.protocol === 'https:');
		} catch (e) {
			if (e instanceof RuleViolation) return fail(400, { values, errors: e.fields });
			if (e instanceof Forbidden) return fail(403, { values, errors: { form: e.message } });
			throw e;
		}
		redirect(303, '/events');
	}
};
