import { fail } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { RuleViolation } from '$lib/server/errors';
import { PasswordChangeInput } from '$lib/server/users/user.input';
import { changePassword } from '$lib/server/users/user.service';
import { fieldErrors, formFields } from '$lib/server/validation';
import { userRoles } from '$lib/vocabulary';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	const user = locals.user!;
	return {
		account: {
			name: user.name,
			email: user.email,
			roleLabel: userRoles.labels[user.role],
			sessionExpiresAt: locals.session!.expiresAt
		}
	};
};

export const actions: Actions = {
	changePassword: async (event) => {
		const fields = formFields(await event.request.formData(), ['current', 'password', 'confirm']);
		const parsed = PasswordChangeInput.safeParse(fields);
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error) });
		try {
			await changePassword(database().db, actorOf(event), event.locals.session!.id, parsed.data);
		} catch (e) {
			if (e instanceof RuleViolation) return fail(400, { errors: e.fields });
			throw e;
		}
		return { changed: true };
	}
};
