import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { attempt, invalidInput } from '$lib/server/http/form-failure';
import { PasswordChangeInput } from '$lib/server/users/user.input';
import { changePassword } from '$lib/server/users/user.service';
import { formFields } from '$lib/server/validation';
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
		// Passwords are never sent back to be typed in again.
		const context = { values: {} };
		const parsed = PasswordChangeInput.safeParse(fields);
		if (!parsed.success) return invalidInput(parsed.error, context);
		return attempt(context, async () => {
			await changePassword(database().db, actorOf(event), event.locals.session!.id, parsed.data);
			return { changed: true };
		});
	}
};
