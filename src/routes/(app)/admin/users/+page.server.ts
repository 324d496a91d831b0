import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { attempt, invalidInput } from '$lib/server/http/form-failure';
import {
	isTwoFactorRequired,
	resetTwoFactor,
	setTwoFactorRequired
} from '$lib/server/users/two-factor.service';
import { UserCreateInput } from '$lib/server/users/user.input';
import {
	createUser,
	endUserSessions,
	listGuessedAccounts,
	listUserAccounts,
	setUserDisabled
} from '$lib/server/users/user.service';
import { formFields } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';
import { utcTimes } from '../times.server';
import { defineWords } from '$lib/server/i18n/words';
import { userRoles } from '$lib/vocabulary';

/** The page's words, for its load to send. */
const pageWords = defineWords({
	userRoles,
	admin_add_heading: m.admin_add_heading,
	admin_add_user: m.admin_add_user,
	admin_created: m.admin_created,
	admin_eyebrow: m.admin_eyebrow,
	admin_guessed_addresses: m.admin_guessed_addresses,
	admin_guessed_email: m.admin_guessed_email,
	admin_guessed_failures: m.admin_guessed_failures,
	admin_guessed_heading: m.admin_guessed_heading,
	admin_guessed_latest: m.admin_guessed_latest,
	admin_guessed_text: m.admin_guessed_text,
	admin_initial_password: m.admin_initial_password,
	admin_initial_password_hint: m.admin_initial_password_hint,
	admin_require_two_factor: m.admin_require_two_factor,
	admin_require_two_factor_hint: m.admin_require_two_factor_hint,
	admin_save: m.admin_save,
	admin_saved: m.admin_saved,
	admin_security_heading: m.admin_security_heading,
	admin_users_actions: m.admin_users_actions,
	admin_users_active: m.admin_users_active,
	admin_users_disable: m.admin_users_disable,
	admin_users_disabled: m.admin_users_disabled,
	admin_users_email: m.admin_users_email,
	admin_users_enable: m.admin_users_enable,
	admin_users_end_sessions: m.admin_users_end_sessions,
	admin_users_last_sign_in: m.admin_users_last_sign_in,
	admin_users_name: m.admin_users_name,
	admin_users_never: m.admin_users_never,
	admin_users_page_title: m.admin_users_page_title,
	admin_users_reset_two_factor: m.admin_users_reset_two_factor,
	admin_users_role: m.admin_users_role,
	admin_users_status: m.admin_users_status,
	admin_users_title: m.admin_users_title
});

export const load: PageServerLoad = async () => {
	const db = database().db;
	const [users, twoFactorRequired, guessed] = await Promise.all([
		listUserAccounts(db),
		isTwoFactorRequired(db),
		listGuessedAccounts(db)
	]);
	const times = utcTimes([
		...users.map((user) => user.lastLoginAt),
		...guessed.accounts.map((account) => account.latestAt)
	]);
	return { users, twoFactorRequired, guessed, times, words: pageWords() };
};

function userIdFrom(data: FormData): number {
	const id = Number(data.get('userId'));
	if (!Number.isSafeInteger(id) || id <= 0) error(400, m.admin_no_user_named());
	return id;
}

/** An action on one user: its refusal is shown above the list. */
async function onUser(event: Parameters<Actions[string]>[0], run: (userId: number) => Promise<unknown>) {
	const userId = userIdFrom(await event.request.formData());
	return attempt({ form: 'user' as const, values: { userId } }, async () => {
		await run(userId);
		return { done: userId };
	});
}

export const actions: Actions = {
	create: async (event) => {
		const fields = formFields(await event.request.formData(), ['name', 'email', 'role', 'password']);
		const values = { name: fields.name ?? '', email: fields.email ?? '', role: fields.role ?? '' };
		const context = { form: 'create' as const, values };
		const parsed = UserCreateInput.safeParse(fields);
		if (!parsed.success) return invalidInput(parsed.error, context);
		return attempt(context, async () => {
			const user = await createUser(database().db, actorOf(event), parsed.data);
			return { created: user.email };
		});
	},
	disable: (event) => onUser(event, (id) => setUserDisabled(database().db, actorOf(event), id, true)),
	enable: (event) => onUser(event, (id) => setUserDisabled(database().db, actorOf(event), id, false)),
	endSessions: (event) => onUser(event, (id) => endUserSessions(database().db, actorOf(event), id)),
	resetTwoFactor: (event) => onUser(event, (id) => resetTwoFactor(database().db, actorOf(event), id)),
	requireTwoFactor: async (event) => {
		const required = (await event.request.formData()).get('required') === 'on';
		await setTwoFactorRequired(database().db, actorOf(event), required);
		return { settingSaved: true };
	}
};
