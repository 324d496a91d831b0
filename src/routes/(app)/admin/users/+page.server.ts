import { error, fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/access';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { Conflict, NotFound, RuleViolation } from '$lib/server/errors';
import {
	isTwoFactorRequired,
	resetTwoFactor,
	setTwoFactorRequired
} from '$lib/server/users/two-factor.service';
import { UserCreateInput } from '$lib/server/users/user.input';
import {
	createUser,
	endUserSessions,
	listUserAccounts,
	setUserDisabled
} from '$lib/server/users/user.service';
import { fieldErrors, formFields } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	requireRole(locals.user, 'admin');
	const db = database().db;
	const [users, twoFactorRequired] = await Promise.all([listUserAccounts(db), isTwoFactorRequired(db)]);
	return { users, twoFactorRequired };
};

function userIdFrom(data: FormData): number {
	const id = Number(data.get('userId'));
	if (!Number.isSafeInteger(id) || id <= 0) error(400, 'No user named.');
	return id;
}

/** Every action checks the role itself as well: the hooks' guard is not the only one. */
async function onUser(event: Parameters<Actions[string]>[0], run: (userId: number) => Promise<unknown>) {
	requireRole(event.locals.user, 'admin');
	const userId = userIdFrom(await event.request.formData());
	try {
		await run(userId);
	} catch (e) {
		if (e instanceof NotFound) return fail(404, { userError: e.message, userId });
		if (e instanceof Conflict) return fail(409, { userError: e.message, userId });
		throw e;
	}
	return { done: userId };
}

export const actions: Actions = {
	create: async (event) => {
		requireRole(event.locals.user, 'admin');
		const fields = formFields(await event.request.formData(), ['name', 'email', 'role', 'password']);
		const values = { name: fields.name ?? '', email: fields.email ?? '', role: fields.role ?? '' };
		const parsed = UserCreateInput.safeParse(fields);
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
		try {
			const user = await createUser(database().db, actorOf(event), parsed.data);
			return { created: user.email };
		} catch (e) {
			if (e instanceof RuleViolation) return fail(400, { values, errors: e.fields });
			throw e;
		}
	},
	disable: (event) => onUser(event, (id) => setUserDisabled(database().db, actorOf(event), id, true)),
	enable: (event) => onUser(event, (id) => setUserDisabled(database().db, actorOf(event), id, false)),
	endSessions: (event) => onUser(event, (id) => endUserSessions(database().db, actorOf(event), id)),
	resetTwoFactor: (event) => onUser(event, (id) => resetTwoFactor(database().db, actorOf(event), id)),
	requireTwoFactor: async (event) => {
		requireRole(event.locals.user, 'admin');
		const required = (await event.request.formData()).get('required') === 'on';
		await setTwoFactorRequired(database().db, actorOf(event), required);
		return { settingSaved: true };
	}
};
