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

export const load: PageServerLoad = async () => {
	const db = database().db;
	const [users, twoFactorRequired, guessed] = await Promise.all([
		listUserAccounts(db),
		isTwoFactorRequired(db),
		listGuessedAccounts(db)
	]);
	return { users, twoFactorRequired, guessed };
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
