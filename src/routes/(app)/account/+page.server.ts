import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { attempt, invalidInput } from '$lib/server/http/form-failure';
import { getReminderChoice, setReminderChoice } from '$lib/server/reminders/reminder.service';
import { PasswordChangeInput } from '$lib/server/users/user.input';
import { changePassword } from '$lib/server/users/user.service';
import { formFields } from '$lib/server/validation';
import { userRoles } from '$lib/vocabulary';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = locals.user!;
	return {
		/** Whether the daily digest of their action points goes to them; viewers follow none up. */
		reminders: user.role === 'viewer' ? null : await getReminderChoice(database().db, user.id),
		account: {
			name: user.name,
			email: user.email,
			roleLabel: userRoles.labels[user.role],
			sessionExpiresAt: locals.session!.expiresAt
		}
	};
};

export const actions: Actions = {
	reminders: async (event) => {
		const fields = formFields(await event.request.formData(), ['reminders']);
		const on = fields.reminders === 'on';
		return attempt({ form: 'reminders' as const, values: { reminders: on ? 'on' : '' } }, async () => {
			await setReminderChoice(database().db, actorOf(event), on);
			return { remindersSaved: true };
		});
	},
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
